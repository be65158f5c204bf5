/*
 * Host unit tests for plugin/rules.c: one line per check ("ok"/"not ok"), then
 * "N passed, M failed". Build: cc -std=c11 -Wall -Wextra -Werror -Iplugin
 * plugin/tests/test-rules.c plugin/rules.c
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "check.h"


static struct qfi_rule rule;
static char err[QFI_ERR_MAX];

/* Parses line, which must succeed. */
static int parse_ok(const char *line)
{
    int rc = qfi_rule_parse(line, &rule, err, sizeof(err));
    if (rc != 0) {
        printf("# unexpected error for \"%s\": %s\n", line, err);
    }
    return rc == 0;
}

/* Parses line, which must fail with a message containing want. */
static void parse_err(const char *line, const char *want)
{
    int rc = qfi_rule_parse(line, &rule, err, sizeof(err));
    check(rc == -1 && strstr(err, want) != NULL, "error for \"%.60s\" mentions \"%s\" (got \"%s\")",
          line, want, rc == 0 ? "(parsed)" : err);
}

#define BASE "id=r1 action=flip-ram addr=0x100000 mask=0x08 trigger=insn:5000000"

static void test_numbers(void)
{
    uint64_t v;

    check(qfi_parse_hex("0x0", 3, &v) == 0 && v == 0, "hex 0x0");
    check(qfi_parse_hex("0XaBcD", 6, &v) == 0 && v == 0xabcd, "hex 0X prefix and mixed case");
    check(qfi_parse_hex("0xffffffffffffffff", 18, &v) == 0 && v == UINT64_MAX, "hex 16 digits");
    check(qfi_parse_hex("0x1ffffffffffffffff", 19, &v) == -1, "hex 17 digits refused");
    check(qfi_parse_hex("0x", 2, &v) == -1, "hex without digits refused");
    check(qfi_parse_hex("100", 3, &v) == -1, "hex without 0x refused");
    check(qfi_parse_hex("0x1g", 4, &v) == -1, "hex with a non-digit refused");
    check(qfi_parse_hex("0x-1", 4, &v) == -1, "hex with a sign refused");
    check(qfi_parse_hex("0x10", 3, &v) == 0 && v == 1, "hex honours the length");
    check(qfi_parse_dec("0", 1, &v) == 0 && v == 0, "dec 0");
    check(qfi_parse_dec("007", 3, &v) == 0 && v == 7, "dec leading zeros");
    check(qfi_parse_dec("18446744073709551615", 20, &v) == 0 && v == UINT64_MAX, "dec max");
    check(qfi_parse_dec("18446744073709551616", 20, &v) == -1, "dec overflow refused");
    check(qfi_parse_dec("99999999999999999999", 20, &v) == -1, "dec overflow by far refused");
    check(qfi_parse_dec("+1", 2, &v) == -1, "dec with + refused");
    check(qfi_parse_dec("-1", 2, &v) == -1, "dec with - refused");
    check(qfi_parse_dec("", 0, &v) == -1, "dec empty refused");
    check(qfi_parse_dec("1 ", 2, &v) == -1, "dec with a space refused");
    check(qfi_valid_name("a", 1) && qfi_valid_name("A-z_0.9", 7), "names: letters, digits, _ . -");
    check(!qfi_valid_name("", 0), "names: empty refused");
    check(qfi_valid_name("abcdefghijklmnopqrstuvwxyz012345", 32), "names: 32 characters");
    check(!qfi_valid_name("abcdefghijklmnopqrstuvwxyz0123456", 33), "names: 33 refused");
    check(!qfi_valid_name("a b", 3) && !qfi_valid_name("a/b", 3) && !qfi_valid_name("a+b", 3),
          "names: space, slash, plus refused");
}

static void test_blank(void)
{
    check(qfi_rule_is_blank(""), "blank: empty");
    check(qfi_rule_is_blank(" \t \r"), "blank: spaces");
    check(qfi_rule_is_blank("# comment"), "blank: comment");
    check(qfi_rule_is_blank("   # indented comment"), "blank: indented comment");
    check(!qfi_rule_is_blank(BASE), "blank: a rule is not");
}

static void test_actions(void)
{
    check(parse_ok(BASE) && rule.action == QFI_ACT_FLIP_RAM && rule.addr == 0x100000 &&
              rule.mask == 8 && rule.has_mask && rule.width == 1 && strcmp(rule.id, "r1") == 0,
          "flip-ram: addr, mask, default width 1");
    check(parse_ok("id=w action=flip-ram addr=0x1000 width=8 mask=0xffffffffffffffff trigger=insn:1") &&
              rule.width == 8 && rule.mask == UINT64_MAX,
          "flip-ram: width 8 with a 64-bit mask");
    check(parse_ok("id=w action=flip-ram addr=0x1000 width=2 mask=0xff00 trigger=insn:1") &&
              rule.width == 2,
          "flip-ram: width 2");
    check(parse_ok("id=w action=flip-ram addr=0x1000 width=4 mask=0x80000000 trigger=insn:1") &&
              rule.width == 4,
          "flip-ram: width 4");
    check(parse_ok("id=r2 action=flip-ram-random ranges=0x100000-0x7fe0000 mask=0x01 "
                   "trigger=insn:1000000 repeat=every:1000000 count=10") &&
              rule.action == QFI_ACT_FLIP_RAM_RANDOM && rule.nranges == 1 &&
              rule.ranges[0].start == 0x100000 && rule.ranges[0].end == 0x7fe0000 &&
              rule.repeat == QFI_REP_EVERY && rule.period == 1000000 && rule.count == 10,
          "flip-ram-random: ranges, every, count");
    check(parse_ok("id=r action=flip-ram-random ranges=0x0-0xa0000;0x100000-0x8000000 "
                   "trigger=insn:1") &&
              rule.nranges == 2 && !rule.has_mask && rule.ranges[1].start == 0x100000,
          "flip-ram-random: two ranges, no mask (one random bit)");
    check(parse_ok("id=r3 action=set-reg reg=rax value=0x2a trigger=pc:0x100030#1") &&
              rule.action == QFI_ACT_SET_REG && strcmp(rule.reg, "rax") == 0 && rule.value == 0x2a &&
              rule.trigger == QFI_TRIG_PC && rule.pc == 0x100030 && rule.pc_hit == 1,
          "set-reg: reg, value, pc#1");
    check(parse_ok("id=r4 action=flip-reg reg=rbx mask=0x1 trigger=marker:ready+insn:1000") &&
              rule.action == QFI_ACT_FLIP_REG && rule.trigger == QFI_TRIG_MARKER &&
              strcmp(rule.marker, "ready") == 0 && rule.insn == 1000 && rule.insn_relative,
          "flip-reg: reg, mask, marker trigger");
    check(parse_ok("id=r5 action=write-ram addr=0x2000 bytes=deadBEEF trigger=insn:1") &&
              rule.action == QFI_ACT_WRITE_RAM && rule.nbytes == 4 && rule.bytes[0] == 0xde &&
              rule.bytes[3] == 0xef,
          "write-ram: bytes in order, either case");
    check(parse_ok("id=s action=skip trigger=pc:0x401000") && rule.action == QFI_ACT_SKIP,
          "skip: no parameters");
    check(strcmp(qfi_action_name(QFI_ACT_FLIP_RAM_RANDOM), "flip-ram-random") == 0 &&
              strcmp(qfi_action_name(QFI_ACT_SKIP), "skip") == 0 &&
              strcmp(qfi_action_name(QFI_ACT_NONE), "?") == 0,
          "action names");
}

static void test_triggers(void)
{
    check(parse_ok(BASE) && rule.trigger == QFI_TRIG_INSN && rule.insn == 5000000 &&
              !rule.insn_relative,
          "insn:N");
    check(parse_ok("id=a action=skip trigger=insn:+1000") && rule.insn == 1000 && rule.insn_relative,
          "insn:+N");
    check(parse_ok("id=a action=skip trigger=insn:+0") && rule.insn == 0 && rule.insn_relative,
          "insn:+0");
    check(parse_ok("id=a action=skip trigger=insn:18446744073709551615") && rule.insn == UINT64_MAX,
          "insn: largest N");
    check(parse_ok("id=a action=skip trigger=pc:0xffffffff81a17a0b#12345") &&
              rule.pc == 0xffffffff81a17a0bULL && rule.pc_hit == 12345,
          "pc:0xADDR#K");
    check(parse_ok("id=a action=skip trigger=pc:0x10") && rule.pc_hit == 1, "pc: K defaults to 1");
    check(parse_ok("id=a action=skip trigger=marker:a.b-c_1+insn:0") && rule.insn == 0 &&
              strcmp(rule.marker, "a.b-c_1") == 0,
          "marker: +insn:0");
    parse_err("id=a action=skip trigger=insn:0", "N must be a decimal number >= 1");
    parse_err("id=a action=skip trigger=insn:", "N must be a decimal number >= 1");
    parse_err("id=a action=skip trigger=insn:x", "bad trigger \"insn:x\"");
    parse_err("id=a action=skip trigger=insn:+", "N must be a decimal number");
    parse_err("id=a action=skip trigger=insn:+-1", "bad trigger");
    parse_err("id=a action=skip trigger=insn:18446744073709551616", "bad trigger");
    parse_err("id=a action=skip trigger=pc:100", "the address must be hex");
    parse_err("id=a action=skip trigger=pc:0x10#0", "K in #K must be a decimal number >= 1");
    parse_err("id=a action=skip trigger=pc:0x10#", "K in #K");
    parse_err("id=a action=skip trigger=pc:0x10#x", "K in #K");
    parse_err("id=a action=skip trigger=pc:#1", "the address must be hex");
    parse_err("id=a action=skip trigger=marker:ready", "expected insn:N");
    parse_err("id=a action=skip trigger=marker:+insn:5", "the marker name must be");
    parse_err("id=a action=skip trigger=marker:a/b+insn:5", "the marker name must be");
    parse_err("id=a action=skip trigger=marker:abcdefghijklmnopqrstuvwxyz0123456+insn:5",
              "the marker name must be");
    parse_err("id=a action=skip trigger=marker:ready+pc:5", "expected insn:N");
    parse_err("id=a action=skip trigger=marker:ready+insn:x", "N must be a decimal number");
    parse_err("id=a action=skip trigger=bogus:1", "bad trigger \"bogus:1\"");
}

static void test_repeat_count_cpu(void)
{
    check(parse_ok(BASE) && rule.repeat == QFI_REP_ONCE && rule.count == 0 && rule.cpu == 0 &&
              !rule.has_cpu,
          "defaults: once, no count, cpu 0");
    check(parse_ok(BASE " repeat=once") && rule.repeat == QFI_REP_ONCE, "repeat=once");
    check(parse_ok(BASE " repeat=rate:5:1000000") && rule.repeat == QFI_REP_RATE && rule.rate == 5 &&
              rule.period == 1000000,
          "repeat=rate:P:N");
    check(parse_ok(BASE " repeat=rate:0:1") && rule.rate == 0, "rate P = 0");
    check(parse_ok(BASE " repeat=rate:1000:1") && rule.rate == 1000, "rate P = 1000");
    parse_err(BASE " repeat=rate:1001:1", "P must be a decimal number from 0 to 1000");
    parse_err(BASE " repeat=rate:5", "expected rate:P:N");
    parse_err(BASE " repeat=rate:5:0", "N must be a decimal number >= 1");
    parse_err(BASE " repeat=rate::5", "P must be");
    parse_err(BASE " repeat=every:0", "N must be a decimal number >= 1");
    parse_err(BASE " repeat=every:", "N must be a decimal number >= 1");
    parse_err(BASE " repeat=sometimes", "expected once, every:N or rate:P:N");
    check(parse_ok(BASE " count=3") && rule.count == 3, "count=3");
    parse_err(BASE " count=0", "bad count \"0\"");
    parse_err(BASE " count=-1", "bad count");
    parse_err(BASE " count=1x", "bad count");
    check(parse_ok(BASE " cpu=4095") && rule.cpu == 4095 && rule.has_cpu, "cpu=4095");
    check(parse_ok(BASE " cpu=0") && rule.cpu == 0 && rule.has_cpu, "cpu=0 is explicit");
    parse_err(BASE " cpu=4096", "bad cpu \"4096\"");
    parse_err(BASE " cpu=x", "bad cpu");
}

static void test_values(void)
{
    char line[2048], hex[1024];

    parse_err("id=a action=flip-ram addr=100000 mask=0x1 trigger=insn:1", "bad addr \"100000\"");
    parse_err("id=a action=flip-ram addr=0x12345678901234567 mask=0x1 trigger=insn:1", "bad addr");
    parse_err("id=a action=flip-ram addr=0x1 mask=8 trigger=insn:1", "bad mask \"8\"");
    parse_err("id=a action=flip-ram addr=0x1 mask=0x0 trigger=insn:1", "a zero mask changes nothing");
    parse_err("id=a action=flip-ram addr=0x1 mask=0x100 trigger=insn:1", "does not fit width 1");
    parse_err("id=a action=flip-ram addr=0x1 width=2 mask=0x10000 trigger=insn:1",
              "does not fit width 2");
    parse_err("id=a action=flip-ram addr=0x1 width=4 mask=0x100000000 trigger=insn:1",
              "does not fit width 4");
    parse_err("id=a action=flip-ram addr=0x1 width=3 mask=0x1 trigger=insn:1",
              "bad width \"3\": expected 1, 2, 4 or 8");
    parse_err("id=a action=flip-ram addr=0x1 width=x mask=0x1 trigger=insn:1", "bad width");
    parse_err("id=a action=flip-ram addr=0xffffffffffffffff width=2 mask=0x1 trigger=insn:1",
              "wraps around");
    check(parse_ok("id=a action=flip-ram addr=0xffffffffffffffff mask=0x1 trigger=insn:1"),
          "flip-ram at the last address");
    parse_err("id=a action=set-reg reg=rax value=2a trigger=insn:1", "bad value \"2a\"");
    parse_err("id=a action=write-ram addr=0x1 bytes=abc trigger=insn:1",
              "expected an even number of hex digits");
    parse_err("id=a action=write-ram addr=0x1 bytes=zz trigger=insn:1", "expected hex digits");
    parse_err("id=a action=write-ram addr=0x1 bytes=0xde trigger=insn:1", "expected hex digits");
    parse_err("id=a action=write-ram addr=0xffffffffffffffff bytes=0102 trigger=insn:1",
              "wraps around");
    memset(hex, 'a', 512);
    hex[512] = '\0';
    snprintf(line, sizeof(line), "id=a action=write-ram addr=0x1 bytes=%s trigger=insn:1", hex);
    check(parse_ok(line) && rule.nbytes == 256 && rule.bytes[255] == 0xaa, "write-ram: 256 bytes");
    memset(hex, 'a', 514);
    hex[514] = '\0';
    snprintf(line, sizeof(line), "id=a action=write-ram addr=0x1 bytes=%s trigger=insn:1", hex);
    parse_err(line, "at most 256 bytes");
    check(parse_ok("id=a action=flip-reg reg=x0 mask=0x1 trigger=insn:1") &&
              strcmp(rule.reg, "x0") == 0,
          "reg x0");
    parse_err("id=a action=flip-reg reg=r-ax mask=0x1 trigger=insn:1", "bad reg \"r-ax\"");
    parse_err("id=a action=flip-reg reg=abcdefghijklmnopqrstuvwxyz0123456 mask=0x1 trigger=insn:1",
              "longer than 31 characters");
    parse_err("id=a action=flip-ram-random ranges=0x10-0x10 trigger=insn:1", "is empty");
    parse_err("id=a action=flip-ram-random ranges=0x20-0x10 trigger=insn:1", "is empty");
    parse_err("id=a action=flip-ram-random ranges=0x10 trigger=insn:1", "is not 0xSTART-0xEND");
    parse_err("id=a action=flip-ram-random ranges=10-20 trigger=insn:1", "is not 0xSTART-0xEND");
    parse_err("id=a action=flip-ram-random ranges=0x0-0x10; trigger=insn:1",
              "\"\" is not 0xSTART-0xEND");
    parse_err("id=a action=flip-ram-random ranges=0x0-0x10;;0x20-0x30 trigger=insn:1",
              "is not 0xSTART-0xEND");
    parse_err("id=a action=flip-ram-random ranges=0x0-0x10 mask=0x100 trigger=insn:1",
              "does not fit the one byte");
    strcpy(line, "id=a action=flip-ram-random trigger=insn:1 ranges=0x0-0x1");
    for (int i = 1; i < 16; i++) {
        char one[32];
        snprintf(one, sizeof(one), ";0x%x-0x%x", i * 16, i * 16 + 1);
        strcat(line, one);
    }
    check(parse_ok(line) && rule.nranges == 16, "ranges: 16");
    strcat(line, ";0x1000-0x1001");
    parse_err(line, "more than 16 ranges");
}

static void test_structure(void)
{
    char line[QFI_LINE_MAX + 16];

    parse_err("", "empty rule");
    parse_err("   ", "empty rule");
    parse_err("id=a action=skip trigger=insn:1 foo", "bad token \"foo\": expected key=value");
    parse_err("id=a action=skip trigger=insn:1 =x", "bad token \"=x\"");
    parse_err("id=a action=skip trigger=insn:1 sed=1", "unknown key \"sed\"");
    parse_err("id=a action=skip trigger=insn:1 ID=a", "unknown key \"ID\"");
    parse_err("id=a id=b action=skip trigger=insn:1", "duplicate key \"id\"");
    parse_err("id=a action=skip trigger=insn:1 trigger=insn:2", "duplicate key \"trigger\"");
    parse_err(BASE " mask=0x1", "duplicate key \"mask\"");
    parse_err("id= action=skip trigger=insn:1", "empty value for key \"id\"");
    parse_err("id=a/b action=skip trigger=insn:1", "bad id \"a/b\"");
    parse_err("id=abcdefghijklmnopqrstuvwxyz0123456 action=skip trigger=insn:1", "bad id");
    check(parse_ok("id=abcdefghijklmnopqrstuvwxyz012345 action=skip trigger=insn:1"), "id: 32 characters");
    parse_err("action=skip trigger=insn:1", "missing id=");
    parse_err("id=a trigger=insn:1", "rule a: missing action=");
    parse_err("id=a action=skip", "rule a: missing trigger=");
    parse_err("id=a action=flop trigger=insn:1", "unknown action \"flop\"");
    parse_err("id=a action=flip-ram mask=0x1 trigger=insn:1", "action flip-ram needs addr=");
    parse_err("id=a action=flip-ram addr=0x1 trigger=insn:1", "action flip-ram needs mask=");
    parse_err("id=a action=flip-ram-random trigger=insn:1", "action flip-ram-random needs ranges=");
    parse_err("id=a action=flip-reg mask=0x1 trigger=insn:1", "action flip-reg needs reg=");
    parse_err("id=a action=flip-reg reg=rax trigger=insn:1", "action flip-reg needs mask=");
    parse_err("id=a action=set-reg reg=rax trigger=insn:1", "action set-reg needs value=");
    parse_err("id=a action=set-reg value=0x1 trigger=insn:1", "action set-reg needs reg=");
    parse_err("id=a action=write-ram addr=0x1 trigger=insn:1", "action write-ram needs bytes=");
    parse_err("id=a action=write-ram bytes=00 trigger=insn:1", "action write-ram needs addr=");
    parse_err(BASE " value=0x1", "key value does not apply to action flip-ram");
    parse_err("id=a action=set-reg reg=rax value=0x1 mask=0x1 trigger=insn:1",
              "key mask does not apply to action set-reg");
    parse_err("id=a action=flip-reg reg=rax mask=0x1 width=2 trigger=insn:1",
              "key width does not apply to action flip-reg");
    parse_err(BASE " ranges=0x0-0x1", "key ranges does not apply to action flip-ram");
    parse_err("id=a action=skip addr=0x1 trigger=insn:1", "key addr does not apply to action skip");
    parse_err("id=a action=flip-ram-random ranges=0x0-0x1 width=2 trigger=insn:1",
              "key width does not apply");
    parse_err("id=a action=write-ram addr=0x1 bytes=00 reg=rax trigger=insn:1",
              "key reg does not apply");
    check(parse_ok("  trigger=insn:7\tid=z   action=skip  ") &&
              strcmp(rule.text, "trigger=insn:7 id=z action=skip") == 0,
          "text: whitespace collapsed, order kept");
    check(parse_ok(BASE "\r\n") && strcmp(rule.text, BASE) == 0, "text: CR LF stripped");
    memset(line, 'x', QFI_LINE_MAX);
    line[QFI_LINE_MAX] = '\0';
    parse_err(line, "rule longer than");
    check(qfi_rule_parse("id=a action=skip", &rule, NULL, 0) == -1, "a NULL error buffer is fine");
}

int main(void)
{
    test_numbers();
    test_blank();
    test_actions();
    test_triggers();
    test_repeat_count_cpu();
    test_values();
    test_structure();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
