import { createRequire as __qfiCreateRequire } from 'node:module'; const require = __qfiCreateRequire(import.meta.url);
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-E3KAXV6J.js";

// node_modules/isexe/windows.js
var require_windows = __commonJS({
  "node_modules/isexe/windows.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function checkPathExt(path6, options) {
      var pathext = options.pathExt !== void 0 ? options.pathExt : process.env.PATHEXT;
      if (!pathext) {
        return true;
      }
      pathext = pathext.split(";");
      if (pathext.indexOf("") !== -1) {
        return true;
      }
      for (var i2 = 0; i2 < pathext.length; i2++) {
        var p = pathext[i2].toLowerCase();
        if (p && path6.substr(-p.length).toLowerCase() === p) {
          return true;
        }
      }
      return false;
    }
    function checkStat(stat3, path6, options) {
      if (!stat3.isSymbolicLink() && !stat3.isFile()) {
        return false;
      }
      return checkPathExt(path6, options);
    }
    function isexe(path6, options, cb) {
      fs.stat(path6, function(er, stat3) {
        cb(er, er ? false : checkStat(stat3, path6, options));
      });
    }
    function sync(path6, options) {
      return checkStat(fs.statSync(path6), path6, options);
    }
  }
});

// node_modules/isexe/mode.js
var require_mode = __commonJS({
  "node_modules/isexe/mode.js"(exports, module) {
    module.exports = isexe;
    isexe.sync = sync;
    var fs = __require("fs");
    function isexe(path6, options, cb) {
      fs.stat(path6, function(er, stat3) {
        cb(er, er ? false : checkStat(stat3, options));
      });
    }
    function sync(path6, options) {
      return checkStat(fs.statSync(path6), options);
    }
    function checkStat(stat3, options) {
      return stat3.isFile() && checkMode(stat3, options);
    }
    function checkMode(stat3, options) {
      var mod = stat3.mode;
      var uid = stat3.uid;
      var gid = stat3.gid;
      var myUid = options.uid !== void 0 ? options.uid : process.getuid && process.getuid();
      var myGid = options.gid !== void 0 ? options.gid : process.getgid && process.getgid();
      var u2 = parseInt("100", 8);
      var g = parseInt("010", 8);
      var o2 = parseInt("001", 8);
      var ug = u2 | g;
      var ret = mod & o2 || mod & g && gid === myGid || mod & u2 && uid === myUid || mod & ug && myUid === 0;
      return ret;
    }
  }
});

// node_modules/isexe/index.js
var require_isexe = __commonJS({
  "node_modules/isexe/index.js"(exports, module) {
    var fs = __require("fs");
    var core;
    if (process.platform === "win32" || global.TESTING_WINDOWS) {
      core = require_windows();
    } else {
      core = require_mode();
    }
    module.exports = isexe;
    isexe.sync = sync;
    function isexe(path6, options, cb) {
      if (typeof options === "function") {
        cb = options;
        options = {};
      }
      if (!cb) {
        if (typeof Promise !== "function") {
          throw new TypeError("callback not provided");
        }
        return new Promise(function(resolve12, reject) {
          isexe(path6, options || {}, function(er, is) {
            if (er) {
              reject(er);
            } else {
              resolve12(is);
            }
          });
        });
      }
      core(path6, options || {}, function(er, is) {
        if (er) {
          if (er.code === "EACCES" || options && options.ignoreErrors) {
            er = null;
            is = false;
          }
        }
        cb(er, is);
      });
    }
    function sync(path6, options) {
      try {
        return core.sync(path6, options || {});
      } catch (er) {
        if (options && options.ignoreErrors || er.code === "EACCES") {
          return false;
        } else {
          throw er;
        }
      }
    }
  }
});

// node_modules/which/which.js
var require_which = __commonJS({
  "node_modules/which/which.js"(exports, module) {
    var isWindows = process.platform === "win32" || process.env.OSTYPE === "cygwin" || process.env.OSTYPE === "msys";
    var path6 = __require("path");
    var COLON = isWindows ? ";" : ":";
    var isexe = require_isexe();
    var getNotFoundError = (cmd) => Object.assign(new Error(`not found: ${cmd}`), { code: "ENOENT" });
    var getPathInfo = (cmd, opt) => {
      const colon = opt.colon || COLON;
      const pathEnv = cmd.match(/\//) || isWindows && cmd.match(/\\/) ? [""] : [
        // windows always checks the cwd first
        ...isWindows ? [process.cwd()] : [],
        ...(opt.path || process.env.PATH || /* istanbul ignore next: very unusual */
        "").split(colon)
      ];
      const pathExtExe = isWindows ? opt.pathExt || process.env.PATHEXT || ".EXE;.CMD;.BAT;.COM" : "";
      const pathExt = isWindows ? pathExtExe.split(colon) : [""];
      if (isWindows) {
        if (cmd.indexOf(".") !== -1 && pathExt[0] !== "")
          pathExt.unshift("");
      }
      return {
        pathEnv,
        pathExt,
        pathExtExe
      };
    };
    var which = (cmd, opt, cb) => {
      if (typeof opt === "function") {
        cb = opt;
        opt = {};
      }
      if (!opt)
        opt = {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      const step = (i2) => new Promise((resolve12, reject) => {
        if (i2 === pathEnv.length)
          return opt.all && found.length ? resolve12(found) : reject(getNotFoundError(cmd));
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        resolve12(subStep(p, i2, 0));
      });
      const subStep = (p, i2, ii) => new Promise((resolve12, reject) => {
        if (ii === pathExt.length)
          return resolve12(step(i2 + 1));
        const ext = pathExt[ii];
        isexe(p + ext, { pathExt: pathExtExe }, (er, is) => {
          if (!er && is) {
            if (opt.all)
              found.push(p + ext);
            else
              return resolve12(p + ext);
          }
          return resolve12(subStep(p, i2, ii + 1));
        });
      });
      return cb ? step(0).then((res) => cb(null, res), cb) : step(0);
    };
    var whichSync = (cmd, opt) => {
      opt = opt || {};
      const { pathEnv, pathExt, pathExtExe } = getPathInfo(cmd, opt);
      const found = [];
      for (let i2 = 0; i2 < pathEnv.length; i2++) {
        const ppRaw = pathEnv[i2];
        const pathPart = /^".*"$/.test(ppRaw) ? ppRaw.slice(1, -1) : ppRaw;
        const pCmd = path6.join(pathPart, cmd);
        const p = !pathPart && /^\.[\\\/]/.test(cmd) ? cmd.slice(0, 2) + pCmd : pCmd;
        for (let j = 0; j < pathExt.length; j++) {
          const cur = p + pathExt[j];
          try {
            const is = isexe.sync(cur, { pathExt: pathExtExe });
            if (is) {
              if (opt.all)
                found.push(cur);
              else
                return cur;
            }
          } catch (ex) {
          }
        }
      }
      if (opt.all && found.length)
        return found;
      if (opt.nothrow)
        return null;
      throw getNotFoundError(cmd);
    };
    module.exports = which;
    which.sync = whichSync;
  }
});

// node_modules/path-key/index.js
var require_path_key = __commonJS({
  "node_modules/path-key/index.js"(exports, module) {
    "use strict";
    var pathKey2 = (options = {}) => {
      const environment = options.env || process.env;
      const platform2 = options.platform || process.platform;
      if (platform2 !== "win32") {
        return "PATH";
      }
      return Object.keys(environment).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
    };
    module.exports = pathKey2;
    module.exports.default = pathKey2;
  }
});

// node_modules/cross-spawn/lib/util/resolveCommand.js
var require_resolveCommand = __commonJS({
  "node_modules/cross-spawn/lib/util/resolveCommand.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var which = require_which();
    var getPathKey = require_path_key();
    function resolveCommandAttempt(parsed, withoutPathExt) {
      const env = parsed.options.env || process.env;
      const cwd = process.cwd();
      const hasCustomCwd = parsed.options.cwd != null;
      const shouldSwitchCwd = hasCustomCwd && process.chdir !== void 0 && !process.chdir.disabled;
      if (shouldSwitchCwd) {
        try {
          process.chdir(parsed.options.cwd);
        } catch (err) {
        }
      }
      let resolved;
      try {
        resolved = which.sync(parsed.command, {
          path: env[getPathKey({ env })],
          pathExt: withoutPathExt ? path6.delimiter : void 0
        });
      } catch (e) {
      } finally {
        if (shouldSwitchCwd) {
          process.chdir(cwd);
        }
      }
      if (resolved) {
        resolved = path6.resolve(hasCustomCwd ? parsed.options.cwd : "", resolved);
      }
      return resolved;
    }
    function resolveCommand(parsed) {
      return resolveCommandAttempt(parsed) || resolveCommandAttempt(parsed, true);
    }
    module.exports = resolveCommand;
  }
});

// node_modules/cross-spawn/lib/util/escape.js
var require_escape = __commonJS({
  "node_modules/cross-spawn/lib/util/escape.js"(exports, module) {
    "use strict";
    var metaCharsRegExp = /([()\][%!^"`<>&|;, *?])/g;
    function escapeCommand(arg) {
      arg = arg.replace(metaCharsRegExp, "^$1");
      return arg;
    }
    function escapeArgument(arg, doubleEscapeMetaChars) {
      arg = `${arg}`;
      arg = arg.replace(/(?=(\\+?)?)\1"/g, '$1$1\\"');
      arg = arg.replace(/(?=(\\+?)?)\1$/, "$1$1");
      arg = `"${arg}"`;
      arg = arg.replace(metaCharsRegExp, "^$1");
      if (doubleEscapeMetaChars) {
        arg = arg.replace(metaCharsRegExp, "^$1");
      }
      return arg;
    }
    module.exports.command = escapeCommand;
    module.exports.argument = escapeArgument;
  }
});

// node_modules/shebang-regex/index.js
var require_shebang_regex = __commonJS({
  "node_modules/shebang-regex/index.js"(exports, module) {
    "use strict";
    module.exports = /^#!(.*)/;
  }
});

// node_modules/shebang-command/index.js
var require_shebang_command = __commonJS({
  "node_modules/shebang-command/index.js"(exports, module) {
    "use strict";
    var shebangRegex = require_shebang_regex();
    module.exports = (string = "") => {
      const match = string.match(shebangRegex);
      if (!match) {
        return null;
      }
      const [path6, argument] = match[0].replace(/#! ?/, "").split(" ");
      const binary = path6.split("/").pop();
      if (binary === "env") {
        return argument;
      }
      return argument ? `${binary} ${argument}` : binary;
    };
  }
});

// node_modules/cross-spawn/lib/util/readShebang.js
var require_readShebang = __commonJS({
  "node_modules/cross-spawn/lib/util/readShebang.js"(exports, module) {
    "use strict";
    var fs = __require("fs");
    var shebangCommand = require_shebang_command();
    function readShebang(command) {
      const size = 150;
      const buffer = Buffer.alloc(size);
      let fd;
      try {
        fd = fs.openSync(command, "r");
        fs.readSync(fd, buffer, 0, size, 0);
        fs.closeSync(fd);
      } catch (e) {
      }
      return shebangCommand(buffer.toString());
    }
    module.exports = readShebang;
  }
});

// node_modules/cross-spawn/lib/parse.js
var require_parse = __commonJS({
  "node_modules/cross-spawn/lib/parse.js"(exports, module) {
    "use strict";
    var path6 = __require("path");
    var resolveCommand = require_resolveCommand();
    var escape = require_escape();
    var readShebang = require_readShebang();
    var isWin = process.platform === "win32";
    var isExecutableRegExp = /\.(?:com|exe)$/i;
    var isCmdShimRegExp = /node_modules[\\/].bin[\\/][^\\/]+\.cmd$/i;
    function detectShebang(parsed) {
      parsed.file = resolveCommand(parsed);
      const shebang = parsed.file && readShebang(parsed.file);
      if (shebang) {
        parsed.args.unshift(parsed.file);
        parsed.command = shebang;
        return resolveCommand(parsed);
      }
      return parsed.file;
    }
    function parseNonShell(parsed) {
      if (!isWin) {
        return parsed;
      }
      const commandFile = detectShebang(parsed);
      const needsShell = !isExecutableRegExp.test(commandFile);
      if (parsed.options.forceShell || needsShell) {
        const needsDoubleEscapeMetaChars = isCmdShimRegExp.test(commandFile);
        parsed.command = path6.normalize(parsed.command);
        parsed.command = escape.command(parsed.command);
        parsed.args = parsed.args.map((arg) => escape.argument(arg, needsDoubleEscapeMetaChars));
        const shellCommand2 = [parsed.command].concat(parsed.args).join(" ");
        parsed.args = ["/d", "/s", "/c", `"${shellCommand2}"`];
        parsed.command = process.env.comspec || "cmd.exe";
        parsed.options.windowsVerbatimArguments = true;
      }
      return parsed;
    }
    function parse2(command, args, options) {
      if (args && !Array.isArray(args)) {
        options = args;
        args = null;
      }
      args = args ? args.slice(0) : [];
      options = Object.assign({}, options);
      const parsed = {
        command,
        args,
        options,
        file: void 0,
        original: {
          command,
          args
        }
      };
      return options.shell ? parsed : parseNonShell(parsed);
    }
    module.exports = parse2;
  }
});

// node_modules/cross-spawn/lib/enoent.js
var require_enoent = __commonJS({
  "node_modules/cross-spawn/lib/enoent.js"(exports, module) {
    "use strict";
    var isWin = process.platform === "win32";
    function notFoundError(original, syscall) {
      return Object.assign(new Error(`${syscall} ${original.command} ENOENT`), {
        code: "ENOENT",
        errno: "ENOENT",
        syscall: `${syscall} ${original.command}`,
        path: original.command,
        spawnargs: original.args
      });
    }
    function hookChildProcess(cp, parsed) {
      if (!isWin) {
        return;
      }
      const originalEmit = cp.emit;
      cp.emit = function(name, arg1) {
        if (name === "exit") {
          const err = verifyENOENT(arg1, parsed);
          if (err) {
            return originalEmit.call(cp, "error", err);
          }
        }
        return originalEmit.apply(cp, arguments);
      };
    }
    function verifyENOENT(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawn");
      }
      return null;
    }
    function verifyENOENTSync(status, parsed) {
      if (isWin && status === 1 && !parsed.file) {
        return notFoundError(parsed.original, "spawnSync");
      }
      return null;
    }
    module.exports = {
      hookChildProcess,
      verifyENOENT,
      verifyENOENTSync,
      notFoundError
    };
  }
});

// node_modules/cross-spawn/index.js
var require_cross_spawn = __commonJS({
  "node_modules/cross-spawn/index.js"(exports, module) {
    "use strict";
    var cp = __require("child_process");
    var parse2 = require_parse();
    var enoent = require_enoent();
    function spawn2(command, args, options) {
      const parsed = parse2(command, args, options);
      const spawned = cp.spawn(parsed.command, parsed.args, parsed.options);
      enoent.hookChildProcess(spawned, parsed);
      return spawned;
    }
    function spawnSync3(command, args, options) {
      const parsed = parse2(command, args, options);
      const result = cp.spawnSync(parsed.command, parsed.args, parsed.options);
      result.error = result.error || enoent.verifyENOENTSync(result.status, parsed);
      return result;
    }
    module.exports = spawn2;
    module.exports.spawn = spawn2;
    module.exports.sync = spawnSync3;
    module.exports._parse = parse2;
    module.exports._enoent = enoent;
  }
});

// node_modules/xz-decompress/dist/package/xz-decompress.js
var require_xz_decompress = __commonJS({
  "node_modules/xz-decompress/dist/package/xz-decompress.js"(exports, module) {
    (function webpackUniversalModuleDefinition(root, factory) {
      if (typeof exports === "object" && typeof module === "object")
        module.exports = factory(__require("stream/web"));
      else if (typeof define === "function" && define.amd)
        define(["stream/web"], factory);
      else if (typeof exports === "object")
        exports["xz-decompress"] = factory(__require("stream/web"));
      else
        root["xz-decompress"] = factory(root["stream/web"]);
    })(exports, (__WEBPACK_EXTERNAL_MODULE__2__) => {
      return (
        /******/
        (() => {
          "use strict";
          var __webpack_modules__ = [
            ,
            /* 1 */
            /***/
            ((module2) => {
              module2.exports = "data:application/wasm;base64,AGFzbQEAAAABOApgAX8Bf2ABfwBgAABgA39/fwF/YAABf2ACf38AYAN/f34BfmACf38Bf2AEf39/fwF/YAN/f38AAyEgAAABAgMDAwMEAQUAAgMCBgcIBwUDAAMHAQcABwcBAwkFAwEAAgYIAX8BQfCgBAsHTgUGbWVtb3J5AgAOY3JlYXRlX2NvbnRleHQACA9kZXN0cm95X2NvbnRleHQACQxzdXBwbHlfaW5wdXQACg9nZXRfbmV4dF9vdXRwdXQACwqQYCDfAgEFf0EAIQECQCAAQQdqIgJBEEkNAEEBIQEgAkEDdiIDQQJGDQBBAiEBIAJBIEkNAEEDIQEgA0EERg0AQQQhASACQTBJDQBBBSEBIANBBkYNAEEGIQEgAkHIAEkNAEEHIQEgAkHYAEkNAEEIIQEgAkGIAUkNAEEJIQEgAkGIAkkNACAAEIGAgIAAIgBBCGpBACAAGw8LAkACQCABQQJ0QcCIgIAAaiIEKAIAIgANAEEAIQACQAJAQQAoAuSIgIAAIgJFDQBBACACKAIANgLkiICAAAwBC0EAEIGAgIAAIgJFDQILIAJBgIB8cSIAIAJBCHZB/wFxIgJyIAE6AAAgACACQQh0ckGAAmohAEEAIQJBACABQQJ0QYCIgIAAaigCACIDayEFIAMhAQNAIAAgBWoiACACNgIAIAAhAiABIANqIgFBgQJJDQALIAQgADYCAAsgBCAAKAIANgIACyAAC/QHAQh/QQAoArCIgIAAIQECQAJAAkACQAJAQQAtALSIgIAARQ0AQQBBADoAtIiAgAAgAUUNAUGwiICAACECA0ACQAJAIAFBCGoiAyABKAIEIgRqIgVBCHZB/wFxIgYNACABIQIMAQsCQANAIAVBgIB8cSAGai0AAEH+AUcNAUGwiICAACEGA0AgBiIHKAIAIgYgBUcNAAsgByAFKAIANgIAIAEgBCAFKAIEakEIaiIENgIEIAcgAiACIAVGGyECIAMgBGoiBUEIdkH/AXEiBg0ACwsgAigCACECCyACKAIAIgENAAtBACgCsIiAgAAhAQsgAUUNACAAQYcCakGAfnEhCEF/IQJBsIiAgAAhBEEAIQNBsIiAgAAhBgNAIAYhBwJAIAEiBigCBCIFIABJDQAgBSACTw0AIAUhAiAHIQQgBiEDIAVBCGogCEcNACAHIQQgBSECIAYhAwwECyAGKAIAIgENAAsgAw0CDAELQbCIgIAAIQQLPwBBEHQhASAAQYgCaiEHQQAhAwJAAkBBACgCuIiAgAAiAkUNAEEAIQUgASEGDAELQQAgAUHwoISAAEH//wNqQYCAfHEiBmsiAjYCuIiAgAAgAiEFCwJAIAcgBU0NACACQQF2IgIgByAFayIHIAIgB0sbQf//A2oiB0EQdkAAQX9GDQJBAEEAKAK4iICAACAHQYCAfHEiA2o2AriIgIAACyAGRQ0BIAZB/wE6AAEgBkEAKAKwiICAADYCgAIgBkGEAmogAyAFakGAgHxxQfh9aiICNgIAIAZBgAJqIQMLIANBgIB8cSIGIANBCHZB/wFxckH/AToAACAEIAMoAgA2AgACQCACIABrQYB+cSIFDQAgAw8LIAMhAQJAIAYgBUF/cyADQQhqIgQgAmoiB2pBgIB8cUYNACAEQf//A3EhBQJAIABB9/0DSw0AIAYgBEEIdkH/AXFqQf4BOgAAIANBACgCsIiAgAA2AgAgA0GAgAQgBWsiBTYCBEEAIAM2ArCIgIAAEIOAgIAAIAZBhIIEaiACIAVrQfh9aiIFNgIAIAZBgYAEakH/AToAACAGQYCCBGohASAFIABrQYB+cSEFDAELIAIgBWogACAFakH//3tqQYCAfHFrQYCAeGohBSADIQELIAEgASgCBCAFazYCBCAFQfgBaiEGIAcgBWtBCHZB/wFxIQUCQANAIAYiB0GAfmohBiAFIgQNAUEBIQUgB0H4AUcNAAsLAkAgB0H4AUYNACACIANqIAZrQYCAfHEiBSAEakH+AToAACAFIARBCHRqIgVBACgCsIiAgAA2AgAgBSAGNgIEQQAgBTYCsIiAgAAQg4CAgAALIAEPC0EAC3wBAn8CQCAARQ0AAkAgAEGAgHxxIABBCHZB/wFxciIBLQAAIgJB/wFHDQAgAEF4aiIAQQAoArCIgIAANgIAQQAgADYCsIiAgAAgAUH+AToAAEEAQQE6ALSIgIAADwsgACACQQJ0QcCIgIAAaiICKAIANgIAIAIgADYCAAsLawECfwJAQQAoArCIgIAAIgAoAgRB/wFLDQAgAEGAgHxxIgEgAEEIdkH/AXEiAHJBCToAAEEAQQAoArCIgIAAKAIANgKwiICAACABIABBCHRyIgBBACgC5IiAgAA2AgBBACAANgLkiICAAAsLTgECfwJAIAAgAUYNACACRQ0AA0ACQCAALQAAIgMgAS0AACIERg0AQQFBfyADIARLGw8LIAFBAWohASAAQQFqIQAgAkF/aiICDQALC0EAC3gBAX8CQAJAIAAgAU8NACACRQ0BIAAhAwNAIAMgAS0AADoAACABQQFqIQEgA0EBaiEDIAJBf2oiAg0ADAILCyAAIAFNDQAgAkUNACABQX9qIQEgAEF/aiEDA0AgAyACaiABIAJqLQAAOgAAIAJBf2oiAg0ACwsgAAssAQF/AkAgAkUNACAAIQMDQCADIAE6AAAgA0EBaiEDIAJBf2oiAg0ACwsgAAt/AQF/AkACQCABIAByIAJyQQNxRQ0AIAJFDQEgACEDA0AgAyABLQAAOgAAIAFBAWohASADQQFqIQMgAkF/aiICDQAMAgsLIAJBBEkNACACQQJ2IQIgACEDA0AgAyABKAIANgIAIAFBBGohASADQQRqIQMgAkF/aiICDQALCyAAC4gBAQJ/AkBBAC0A6IiAgAANAEEAQQE6AOiIgIAAEIyAgIAAEI6AgIAAC0GggAgQgICAgAAiAEGAgAQ2AgBBAkGAgIAgEJeAgIAAIQEgAEEUakKAgICAgIDAADcCACAAQRBqIABBoIAEajYCACAAQQhqQgA3AgAgACAAQSBqNgIEIAAgATYCHCAACxUAIAAoAhwQmICAgAAgABCCgICAAAsWACAAQQxqIAE2AgAgAEEIakEANgIACxsAIAAoAhwgAEEEaiAAQQxqKAIARRCWgICAAAtUAQN/QQAhAANAQQghASAAIQIDQEEAIAJBAXFrQaCG4u1+cSACQQF2cyECIAFBf2oiAQ0ACyAAQQJ0QfCIgIAAaiACNgIAIABBAWoiAEGAAkcNAAsLTgACQCABRQ0AIAJBf3MhAgNAIAJB/wFxIAAtAABzQQJ0QfCIgIAAaigCACACQQh2cyECIABBAWohACABQX9qIgENAAsgAkF/cyECCyACC10DAX4BfwF+QgAhAANAQQghASAAIQIDQEIAIAJCAYN9QsKenLzd8pW2SYMgAkIBiIUhAiABQX9qIgENAAsgAKdBA3RB8JCAgABqIAI3AwAgAEIBfCIAQoACUg0ACwtPAAJAIAFFDQAgAkJ/hSECA0AgAkL/AYMgADEAAIWnQQN0QfCQgIAAaikDACACQgiIhSECIABBAWohACABQX9qIgENAAsgAkJ/hSECCyACC8oQAgx/An4CQAJAIAAoAiRFDQAgACgCACECDAELQQAhAiAAQQA6ACggAEIANwMAIABCADcDGCAAQcgAakEAQeQAEIaAgIAAGiAAQawBakEMNgIACyAAIAEoAgQiAzYCECAAQeAAaiEEIABByABqIQUgAEG2AWohBiAAQbABaiEHIABBqAFqIQggASgCECEJAkACQAJAAkADQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkACQCACDgoBAgAEBQYHCAkKDwsgASgCACEKIAAoAqgBIQIgACgCrAEhCyABKAIEIQwgASgCCCENDAILIAcgACgCqAEiDGogASgCACABKAIEIgJqIAEoAgggAmsiAiAAKAKsASAMayIMIAIgDEkbIgIQh4CAgAAaIAEgASgCBCACajYCBEEAIQwgAEEAIAAoAqgBIAJqIgIgAiAAKAKsASILRhs2AqgBIAIgC0cNESAAQQE2AgACQCAHQaiIgIAAQQYQhICAgABFDQBBBSEMDBILIAZBAkEAEI2AgIAAIAAoALgBRw0QQQYhDCAGLQAADREgACAALQC3ASICNgIgIAJBBEsNEUEBIAJ0QRNxRQ0RCyABKAIEIgwgASgCCCINRg0OAkAgASgCACIKIAxqLQAAIgsNACAAIAw2AhAgASAMQQFqNgIEQQYhAgwMC0EAIQIgAEEANgKoASAAQQI2AgAgACALQQJ0QQRqIgs2AqwBIAAgCzYCQAsgByACaiAKIAxqIA0gDGsiDCALIAJrIgIgDCACSRsiAhCHgICAABogASABKAIEIAJqNgIEQQAhDCAAQQAgACgCqAEgAmoiAiACIAAoAqwBIgtGGzYCqAEgAiALRw0PIAAgAkF8aiICNgKsAUEHIQwgByACQQAQjYCAgAAgByAAKAKsASICaigAAEcNDyAAQQI2AqgBIAAtALEBIgtBP3ENDAJAAkAgC0HAAHFFDQAgACAHIAggAhCRgICAAEEBRw0RIAAgACkDCDcDMCAAKAKsASECIAAtALEBIQsMAQsgAEJ/NwMwC0J/IQ4CQCALwEF/Sg0AIAAgByAIIAIQkYCAgABBAUcNECAAKAKsASECIAApAwghDgsgACAONwM4IAIgACgCqAEiC2tBAkkNDyAAIAtBAWoiCjYCqAEgCCALakEIai0AAEEhRw0MIAAgC0ECaiINNgKoASAIIApqQQhqLQAAQQFHDQwgAiANRg0PIAAgC0EDajYCqAEgACgCsAkgCCANakEIai0AABCcgICAACIMDQ8gACgCrAEiAiAAKAKoASIMIAIgDEsbIQ0CQANAIA0gDEYNASAAIAxBAWoiAjYCqAEgACAMaiELIAIhDCALQbABai0AAA0ODAALCyAFQgA3AwAgAEEANgKoASAAQQM2AgAgBUEIakIANwMACyAAIAEoAgQ2AhAgACABKAIQNgIUIAAoArAJIAEQmYCAgAAhDCAAIAApA0ggASgCBCAAKAIQa618Ig43A0ggACAAKQNQIAEoAhAgACgCFCICayILrXwiDzcDUCAOIAApAzBWDQ0gDyAAKQM4Vg0NAkACQAJAAkAgACgCIEF/ag4EAAMDAQMLIAEoAgwgAmogCyAAKAIYEI2AgIAArSEODAELIAEoAgwgAmogCyAAKQMYEI+AgIAAIQ4LIAAgDjcDGAsgDEEBRw0OAkAgACkDMCIOQn9RDQAgDiAFKQMAUg0OCwJAIAApAzgiDkJ/UQ0AQQchDCAOIAApA1BSDQ8LIAAgACkDSCAANQJAfCAAKQNgfCIPNwNgQgQhDgJAAkACQCAAKAIgQX9qDgQBAgIAAgtCCCEOCyAEIA4gD3w3AwALIAAgACkDaCAAKQNQfDcDaCAAIARBGCAAKAJwEI2AgIAANgJwIABBBDYCACAAIAApA1hCAXw3A1gLAkAgBSkDACIOQgODUA0AIA5CAXwhDiABKAIEIQwgASgCCCELA0AgCyAMRg0NIAEgDEEBaiICNgIEIAEoAgAgDGotAAANDiAFIA43AwAgDkIDgyEPIA5CAXwhDiACIQwgD0IAUg0ACwsgAEEFNgIAC0EBIQIgACgCIEF/ag4EBgcHBQcLIAAgARCSgICAACIMQQFHDQsgAEEHNgIAC0EAIAAoAhBrIQUgAEGAAWopAwAhDiABKAIEIQwCQANAIA4gBSAMaq18QgODUA0BAkAgDCABKAIIRw0AIAAgARCTgICAAAwLCyABIAxBAWoiAjYCBCABKAIAIAxqIQsgAiEMIAstAAANCwwACwsgACABEJOAgIAAQQchDCAEIABBkAFqQRgQhICAgAANCiAAQQg2AgALIAAgAUEgEJSAgIAAIgxBAUcNCSAAQQk2AgBBDCELIABBDDYCrAEMAQsgACgCrAEhCwsgByAAKAKoASIMaiABKAIAIAEoAgQiAmogASgCCCACayICIAsgDGsiDCACIAxJGyICEIeAgIAAGiABIAEoAgQgAmo2AgRBACEMIABBACAAKAKoASACaiICIAIgACgCrAEiC0YbNgKoASACIAtHDQcgABCVgICAACEMDAcLQQEhAiAAIAFBwAAQlICAgAAiDEEBRw0GDAELQQEhAiAAIAFBIBCUgICAACIMQQFHDQULIAAgAjYCAAwACwtBBiEMDAILQQAhDAwBC0EHIQwLAkACQCAAKAIkDQACQAJAIAwOAgADAQtBB0EIIAEoAgQgASgCCEYbIQwLIAEgCTYCECABIAM2AgQgDA8LAkAgDA0AIAMgASgCBEcNACAJIAEoAhBHDQAgAC0AKCEBIABBAToAKCABQQN0DwsgAEEAOgAoCyAMC6YBAQN/AkAgACgCBCIEDQAgAEIANwMICyACKAIAIgUgAyAFIANLGyEGA0ACQCAGIAVHDQBBAA8LIAEgBWotAAAhAyACIAVBAWoiBTYCACAAIANB/wBxrSAErYYgACkDCIQ3AwgCQAJAIAPAIgNBAEgNAAJAIAMNAEEHIQMgBA0CCyAAQQA2AgRBAQ8LQQchAyAAIARBB2oiBDYCBCAEQT9HDQELCyADC6ECAgN/AX4gAEGQAWohAiABQQRqIQMDQAJAIAAgASgCACADIAEoAggQkYCAgAAiBEEBRg0AIABBgAFqIgMgAykDACABKAIEIAAoAhAiA2siAq18NwMAIAAgAyABKAIAaiACIAAoAhgQjYCAgACtNwMYIAQPCwJAAkACQAJAAkAgACgCeA4DAAIBAwsgACAAKQMIIgU3A4gBAkAgBSAAKQNYUQ0AQQcPCyAAQQE2AngMAwsgACAAKQOYASAAKQMIfDcDmAEgACACQRggACgCoAEQjYCAgAA2AqABIABBATYCeCAAIAApA4gBQn98IgU3A4gBDAILIABBAjYCeCAAIAApA5ABIAApAwh8NwOQAQsgACkDiAEhBQsgBUIAUg0AC0EBC0ABAn8gAEGAAWoiAiACKQMAIAEoAgQgACgCECICayIDrXw3AwAgACACIAEoAgBqIAMgACgCGBCNgICAAK03AxgLfAEEfyABKAIEIQMgASgCCCEEA0ACQCAEIANHDQBBAA8LIAEgA0EBaiIFNgIEAkAgASgCACADai0AACAAKQMYIAAoAgQiA62Ip0H/AXFGDQBBBw8LIAAgA0EIaiIGNgIEIAUhAyAGIAJJDQALIABBADYCBCAAQgA3AxhBAQtvAQF/QQchAQJAIABBugFqLwAAQdm0AUcNACAAQbQBakEGQQAQjYCAgAAgAEGwAWooAABHDQAgAEGAAWopAwBCAoggADUAtAFSDQAgAEG4AWotAAANAEEBQQcgACgCICAAQbkBai0AAEYbIQELIAELwAIBA38CQAJAAkAgACgCJA0AIABBADoAKCAAQQA2AgBBASECDAELAkAgACgCAEEKRw0AQQAhAwwCC0ECIQMMAQtBASEDCwJAAkADQAJAAkACQAJAIAMOAwABAwMLIAEoAgQiAyABKAIIIgRGDQQgASgCACEFAkADQCAFIANqLQAADQEgASADQQFqIgM2AgQgACAAKAIEQQFqQQNxNgIEIAQgA0YNBgwACwsCQCAAKAIERQ0AQQcPCyAAKAIkRQ0BIABBADoAKCAAQQA2AgBBASEDDAMLIABCADcDGCAAQQA2AgQgAEHIAGpBAEHkABCGgICAABogAEGsAWpBDDYCAAtBAiEDDAELIAAgARCQgICAACIDQQFHDQIgAEEKNgIAQQAhAwwACwsCQCACDQBBAA8LQQdBASAAKAIEGyEDCyADC3UBAX8CQEG4CRCAgICAACICRQ0AIAIgADYCJCACIAAgARCbgICAACIANgKwCQJAIABFDQAgAkEAOgAoIAJCADcDACACQgA3AxggAkHIAGpBAEHkABCGgICAABogAkGsAWpBDDYCACACDwsgAhCCgICAAAtBAAseAAJAIABFDQAgACgCsAkQnYCAgAAgABCCgICAAAsL3RABCn8gAEHo3QFqIQIgAEHUAGohAyAAQRxqIgRBCGohBQJAAkADQCAAKAJAIQYCQAJAAkACQAJAAkACQAJAAkACQAJAAkACQAJAAkAgASgCBCIHIAEoAghJDQAgBkEHRg0BDBELIAYOCQECAwQFBgcACQ4LIAAoAkwhBgwHC0EBIQYgASAHQQFqNgIEIAEoAgAgB2otAAAiB0UNCAJAAkAgB0HfAUsNACAHQQFHDQELIABBgAI7AVACQCAAKAI8DQAgACABKAIMIAEoAhAiBmo2AhggACABKAIUIAZrNgIsCyAEQgA3AgAgBUIANwIADAoLIAAtAFBFDQkMDQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAQQI2AkAgACAHQQh0IAAoAkhqNgJIDAsLIAEgB0EBajYCBCABKAIAIAdqLQAAIQcgAEEDNgJAIAAgByAAKAJIakEBajYCSAwKCyABIAdBAWo2AgQgASgCACAHai0AACEHIABBBDYCQCAAIAdBCHQ2AkwMCQsgASAHQQFqNgIEIAEoAgAgB2otAAAhByAAIAAoAkQ2AkAgACAHIAAoAkxqQQFqNgJMDAgLIAEgB0EBajYCBEEHIQYgASgCACAHai0AACIHQeABSw0DQQAhCAJAAkAgB0EtTw0AQQAhCQwBCyAHQVNqIgcgB0H/AXFBLW4iCUEtbGshByAJQQFqIQkLIABBfyAJdEF/czYCdAJAIAdB/wFxQQlJDQAgB0F3aiIHIAdB/wFxQQluIghBCWxrIQcgCEEBaiEICyAAIAg2AnAgACAHQf8BcSIHNgJsIAggB2pBBEsNAyADQgA3AgAgA0EIakIANwIAIANBEGpBADYCACAAQX8gCHRBf3M2AnBB+AAhBwNAIAAgB2pBgAg7AQAgB0ECaiIHQeTdAUcNAAsgAEEGNgJAIABBBTYCCCAAQv////8PNwIACyAAKAJMIgpBBUkNBwJAIAAoAggiB0UNACAHQX9qIQYgASgCBCEHIAEoAgghCQNAIAkgB0YNCiABIAdBAWoiCDYCBCABKAIAIAdqLQAAIQcgACAGNgIIIAAgByAAKAIEQQh0cjYCBCAIIQcgBkF/aiIGQX9HDQALCyAAQQc2AkAgACAKQXtqIgY2AkwLIAAgACgCICIHIAEoAhQgASgCEGsiCCAAKAJIIgkgCCAJSRsiCGogACgCLCIJIAkgB2sgCEsbNgIoIAEoAggiCiABKAIEIghrIQcCQAJAAkAgACgC5N0BIgkNACAGDQFBACEGCyACIAlqIAEoAgAgCGpBKiAJayIIIAYgCWsiBiAIIAZJGyIGIAcgBiAHSRsiBxCHgICAABoCQAJAIAAoAuTdASIIIAdqIgYgACgCTEcNACACIAhqIAdqQQBBPyAGaxCGgICAABogACgC5N0BIAdqIQYMAQsCQCAGQRRLDQAgACAGNgLk3QEgASABKAIEIAdqNgIEDAMLIAZBa2ohBgsgAEEANgIQIAAgAjYCDCAAIAY2AhRBByEGIAAQmoCAgABFDQMgACgCECIIIAAoAuTdASIJIAdqSw0DIAAgACgCTCAIayIGNgJMAkAgCCAJTw0AIAAgCSAIayIHNgLk3QEgAiACIAhqIAcQhYCAgAAaDAILIABBADYC5N0BIAEgASgCBCAIIAlraiIINgIEIAEoAggiCiAIayEHCwJAIAdBFUkNACAAIAg2AhAgACABKAIANgIMIAAgCkFraiAIIAZqIAcgBkEVakkbNgIUQQchBiAAEJqAgIAARQ0DIAAoAkwiByAAKAIQIgggASgCBGsiCUkNAyABIAg2AgQgACAHIAlrIgY2AkwgASgCCCAIayIHQRRLDQELIAIgASgCACAIaiAHIAYgByAGSRsiBxCHgICAABogACAHNgLk3QEgASABKAIEIAdqNgIECyAAKAIgIgYgACgCHCIIayEHAkAgACgCPEUNAAJAIAYgACgCLEcNACAAQQA2AiALIAEoAgwgASgCEGogACgCGCAIaiAHEIeAgIAAGiAAKAIgIQYLIAAgBjYCHCABIAEoAhAgB2oiCDYCECAAIAAoAkgiBiAHazYCSAJAIAYgB0cNAEEHIQYgACgCTA0CIAAoAmgNAiAAKAIEDQIgAEEANgJADAQLQQAhBiAIIAEoAhRGDQEgASgCBCABKAIIRw0FIAAoAuTdASAAKAJMTw0FDAELAkADQCAAKAJMIghFDQFBACEGIAEoAggiCSAHTQ0CIAEoAhQiCiABKAIQIgtNDQIgACAIIAkgB2siBiAKIAtrIgkgBiAJSRsiBiAAKAIsIAAoAiAiCWsiCiAGIApJGyIGIAggBiAISRsiBms2AkwgCSAAKAIYaiABKAIAIAdqIAYQhYCAgAAaIAAgACgCICAGaiIHNgIgAkAgACgCJCAHTw0AIAAgBzYCJAsCQCAAKAI8RQ0AAkAgByAAKAIsRw0AIABBADYCIAsgASgCDCABKAIQaiABKAIAIAEoAgRqIAYQhYCAgAAaIAAoAiAhBwsgACAHNgIcIAEgASgCECAGajYCECABIAEoAgQgBmoiBzYCBAwACwsgAEEANgJADAQLIAYPCyAHwEF/Sg0BIABBATYCQCAAIAdBEHRBgID8AHE2AkgCQCAHQcABSQ0AIABBBTYCRCAAQQA6AFEMAwsgAC0AUQ0DIABBBjYCRCAHQaABSQ0CIANCADcCACADQRBqQQA2AgAgA0EIakIANwIAQfgAIQcDQCAAIAdqQYAIOwEAIAdBAmoiB0Hk3QFHDQALCyAAQQU2AgggAEL/////DzcCAAwBCyAHQQJLDQEgAEKDgICAgAE3AkAMAAsLQQcPC0EAC5wYARR/IABBGGohAQJAIABBIGooAgAiAiAAQShqKAIAIgNPDQAgAEHoAGoiBCgCAEUNACABIAQgACgCVBCegICAABogACgCKCEDIAAoAiAhAgsCQCACIANPDQAgAEHYC2ohBSAAQbwNaiEGIABB3A1qIQcgAEHoAGohCCAAQeAVaiEJIABB1ABqIQoDQCAAKAIQIgsgACgCFEsNASAAIAAoAmQiDEEFdGogACgCdCACcSINQQF0aiIOQfgAaiEPAkACQCAAKAIAIgNBgICACEkNACAAKAIEIRAMAQsgACADQQh0IgM2AgAgACALQQFqIgQ2AhAgACAAKAIEQQh0IAAoAgwgC2otAAByIhA2AgQgBCELCwJAAkAgECADQQt2IA8vAQAiEWwiBE8NACAAIAQ2AgAgDyARQYAQIBFrQQV2ajsBACACQX9qIQMCQCACDQAgACgCLCADaiEDCwJAAkAgACgCJCIRDQBBACEDDAELIAEoAgAgA2otAAAhAwsgACAAKAJwIAJxIAAoAmwiD3QgA0EIIA9rdmpBgAxsakHkHWohDgJAAkAgDEEGSw0AQQEhAwNAIA4gA0EBdCIDaiEQAkACQCAAKAIAIgRBgICACEkNACAAKAIEIQwMAQsgACAEQQh0IgQ2AgAgACAAKAIQIg9BAWo2AhAgACAAKAIEQQh0IA8gACgCDGotAAByIgw2AgQLAkACQCAMIARBC3YgEC8BACIRbCIPSQ0AIAAgDCAPazYCBCAEIA9rIQ8gA0EBciEDIBEgEUEFdmshBAwBCyARQYAQIBFrQQV2aiEECyAAIA82AgAgECAEOwEAIANBgAJJDQALIAAoAiAhAgwBCyACIAAoAlQiD0F/c2ohAwJAIAIgD0sNACAAKAIsIANqIQMLAkACQCARDQBBACESDAELIAEoAgAgA2otAAAhEgtBASEDQYACIQ8DQCAOIBJBAXQiEiAPcSITIA9qIANqQQF0aiERAkACQCAEQf///wdNDQAgBCENDAELIAAgBEEIdCINNgIAIAAgC0EBaiIENgIQIAAgEEEIdCAAKAIMIAtqLQAAciIQNgIEIAQhCwsCQAJAIBAgDUELdiARLwEAIgxsIgRPIhQNACAMQYAQIAxrQQV2aiEMDAELIAAgECAEayIQNgIEIA0gBGshBCAMIAxBBXZrIQxBACEPCyAAIAQ2AgAgESAMOwEAIA8gE3MhDyADQQF0IBRyIgNBgAJJDQALCyAAIAJBAWo2AiAgACgCGCACaiADOgAAAkAgACgCJCAAKAIgIgJPDQAgACACNgIkC0EAIQMCQCAAKAJkIgRBBEkNAAJAIARBCUsNACAEQX1qIQMMAQsgBEF6aiEDCyAAIAM2AmQMAQsgACADIARrIgM2AgAgACAQIARrIgQ2AgQgDyARIBFBBXZrOwEAIAAgDEEBdGoiEkH4A2ohDwJAAkAgA0H///8HTQ0AIAshEwwBCyAAIANBCHQiAzYCACAAIAtBAWoiEzYCECAAIARBCHQgACgCDCALai0AAHIiBDYCBAsCQAJAIAQgA0ELdiAPLwEAIhBsIhFJDQAgACADIBFrIgw2AgAgACAEIBFrIgM2AgQgDyAQIBBBBXZrOwEAIBJBkARqIQ8CQAJAIAxB////B00NACATIREMAQsgACAMQQh0Igw2AgAgACATQQFqIhE2AhAgACADQQh0IAAoAgwgE2otAAByIgM2AgQLAkACQCADIAxBC3YgDy8BACIQbCIETw0AIAAgBDYCACAPIBBBgBAgEGtBBXZqOwEAIA5B2ARqIQ8CQCAEQf///wdLDQAgACAEQQh0IgQ2AgAgACARQQFqNgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAIAMgBEELdiAPLwEAIhBsIhFJDQAgACAEIBFrNgIAIAAgAyARazYCBCAPIBAgEEEFdms7AQAMAgsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgAEEBNgJoIABBCUELIAAoAmRBB0kbNgJkDAMLIAAgDCAEayIMNgIAIAAgAyAEayIDNgIEIA8gECAQQQV2azsBACASQagEaiEEAkACQCAMQf///wdNDQAgESEODAELIAAgDEEIdCIMNgIAIAAgEUEBaiIONgIQIAAgA0EIdCAAKAIMIBFqLQAAciIDNgIECwJAAkAgAyAMQQt2IAQvAQAiD2wiEE8NACAAIBA2AgAgBCAPQYAQIA9rQQV2ajsBACAAKAJYIQMMAQsgACAMIBBrIhE2AgAgACADIBBrIgM2AgQgBCAPIA9BBXZrOwEAIBJBwARqIQ8CQCARQf///wdLDQAgACARQQh0IhE2AgAgACAOQQFqNgIQIAAgA0EIdCAAKAIMIA5qLQAAciIDNgIECwJAAkAgAyARQQt2IA8vAQAiEGwiBE8NACAQQYAQIBBrQQV2aiEQIAAoAlwhAwwBCyAAIAMgBGs2AgQgACgCYCEDIAAgACgCXDYCYCARIARrIQQgECAQQQV2ayEQCyAAIAQ2AgAgDyAQOwEAIAAgACgCWDYCXAsgACAAKAJUNgJYIAAgAzYCVAsgAEEIQQsgACgCZEEHSRs2AmQgACAJIA0Qn4CAgAAMAQsgACARNgIAIA8gEEGAECAQa0EFdmo7AQAgACAAKAJcNgJgIAAgACkCVDcCWCAAQQdBCiAAKAJkQQdJGzYCZCAAIAcgDRCfgICAACAKIAAoAmgiA0F+akEDIANBBkkbQQd0akGEB2ohDUEBIQMDQCANIANBAXQiA2ohEAJAAkAgACgCACIEQYCAgAhJDQAgACgCBCEMDAELIAAgBEEIdCIENgIAIAAgACgCECIPQQFqNgIQIAAgACgCBEEIdCAPIAAoAgxqLQAAciIMNgIECwJAAkAgDCAEQQt2IBAvAQAiEWwiD0kNACAAIAwgD2s2AgQgBCAPayEPIANBAXIhAyARIBFBBXZrIQQMAQsgEUGAECARa0EFdmohBAsgACAPNgIAIBAgBDsBACADQcAASQ0ACwJAIANBQGoiBEEDSw0AIAAgBDYCVAwBCyAAIANBAXFBAnIiDzYCVCAEQQF2IRACQCAEQQ1LDQAgACAPIBBBf2oiDnQiBDYCVEEBIQ8gBSAEQQF0akHAACADa0EBdGpBfmohEkEAIQwDQCASIA9BAXQiD2ohEAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCENDAELIAAgA0EIdCIDNgIAIAAgACgCECIEQQFqNgIQIAAgACgCBEEIdCAEIAAoAgxqLQAAciINNgIECwJAAkAgDSADQQt2IBAvAQAiEWwiBEkNACAAIA0gBGs2AgQgACAAKAJUQQEgDHRqNgJUIAMgBGshBCAPQQFyIQ8gESARQQV2ayEDDAELIBFBgBAgEWtBBXZqIQMLIAAgBDYCACAQIAM7AQAgDiAMQQFqIgxHDQAMAgsLIBBBe2ohECAAKAIEIQQgACgCACEDA0ACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIhFBAWo2AhAgBEEIdCARIAAoAgxqLQAAciEECyAAIANBAXYiAzYCACAAIAQgA2siBEEfdSIRIA9BAXRqQQFqIg82AlQgACARIANxIARqIgQ2AgQgEEF/aiIQDQALIAAgD0EEdDYCVEEAIQxBASEPA0AgBiAPQQF0Ig9qIRACQAJAIAAoAgAiA0GAgIAISQ0AIAAoAgQhDQwBCyAAIANBCHQiAzYCACAAIAAoAhAiBEEBajYCECAAIAAoAgRBCHQgBCAAKAIMai0AAHIiDTYCBAsCQAJAIA0gA0ELdiAQLwEAIhFsIgRJDQAgACANIARrNgIEIAAgACgCVEEBIAx0ajYCVCADIARrIQQgD0EBciEPIBEgEUEFdmshAwwBCyARQYAQIBFrQQV2aiEDCyAAIAQ2AgAgECADOwEAIAxBAWoiDEEERw0ACwsCQCABIAggACgCVBCegICAAA0AQQAPCyAAKAIgIQILIAIgACgCKEkNAAsLQQEhAwJAIAAoAgAiBEH///8HSw0AIAAgBEEIdDYCAEEBIQMgACAAKAIQIgRBAWo2AhAgACAAKAIEQQh0IAQgACgCDGotAAByNgIECyADC3ABAX8CQEGo3gEQgICAgAAiAkUNACACQTRqIAE2AgAgAkE8aiAANgIAAkACQAJAIABBf2oOAgABAgsgAiABEICAgIAAIgA2AhggAA0BIAIQgoCAgAAMAgsgAkEANgIYIAJBOGpBADYCAAsgAg8LQQAL0gEBAn9BBiECAkAgAUEnSw0AIABBMGogAUEBcUECciABQQF2QQtqdCIBNgIAAkACQCAAQTxqKAIAIgNFDQBBBCECIAEgAEE0aigCAEsNAiAAQSxqIAE2AgAgA0ECRw0AIABBOGoiAygCACABTw0AIAAgATYCOCAAKAIYEIKAgIAAIAAgACgCMBCAgICAACIBNgIYIAENAEEDIQIMAQtBACECIABBADYCQCAAQdAAakEBOgAAIABB6ABqQQA2AgAgAEHk3QFqIQMLIANBADYCAAsgAgsjAAJAIABBPGooAgBFDQAgACgCGBCCgICAAAsgABCCgICAAAvHAQEDf0EAIQMCQCAAKAIMIAJNDQAgACgCGCACTQ0AIAEgASgCACIDIAAoAhAgACgCCCIEayIFIAMgBSADSRsiBWs2AgAgBCACQX9zaiEDAkAgBCACSw0AIAAoAhQgA2ohAwsDQCAAKAIAIgIgA2otAAAhASAAIAAoAggiBEEBajYCCCACIARqIAE6AABBACADQQFqIgMgAyAAKAIURhshAyAFQX9qIgUNAAtBASEDIAAoAgwgACgCCCIFTw0AIAAgBTYCDAsgAwvoBAEGfwJAAkAgACgCACIDQYCAgAhJDQAgACgCBCEEDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciIENgIECwJAAkAgBCADQQt2IAEvAQAiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBACABIAJBBHRqQQRqIQdBCCEIQQIhAQwBCyAAIAMgBmsiAzYCACAAIAQgBmsiBDYCBCABIAUgBUEFdms7AQACQCADQf///wdLDQAgACADQQh0IgM2AgAgACAAKAIQIgVBAWo2AhAgACAEQQh0IAUgACgCDGotAAByIgQ2AgQLAkAgBCADQQt2IAEvAQIiBWwiBk8NACAAIAY2AgAgASAFQYAQIAVrQQV2ajsBAiABIAJBBHRqQYQCaiEHQQghCEEKIQEMAQsgACADIAZrNgIAIAAgBCAGazYCBCABIAUgBUEFdms7AQIgAUGEBGohB0GAAiEIQRIhAQsgAEHoAGogATYCAEEBIQEDQCAHIAFBAXQiAWohBAJAAkAgACgCACIDQYCAgAhJDQAgACgCBCECDAELIAAgA0EIdCIDNgIAIAAgACgCECIFQQFqNgIQIAAgACgCBEEIdCAFIAAoAgxqLQAAciICNgIECwJAAkAgAiADQQt2IAQvAQAiBmwiBUkNACAAIAIgBWs2AgQgAyAFayEFIAFBAXIhASAGIAZBBXZrIQMMAQsgBkGAECAGa0EFdmohAwsgACAFNgIAIAQgAzsBACABIAhJDQALIABB6ABqIgAgASAIayAAKAIAajYCAAsLNQEAQYAICy4IAAAAEAAAABgAAAAgAAAAKAAAADAAAABAAAAAUAAAAIAAAAAAAQAA/Td6WFoA";
            }),
            /* 2 */
            /***/
            ((module2) => {
              module2.exports = __WEBPACK_EXTERNAL_MODULE__2__;
            })
            /******/
          ];
          var __webpack_module_cache__ = {};
          function __webpack_require__(moduleId) {
            var cachedModule = __webpack_module_cache__[moduleId];
            if (cachedModule !== void 0) {
              return cachedModule.exports;
            }
            var module2 = __webpack_module_cache__[moduleId] = {
              /******/
              // no module.id needed
              /******/
              // no module.loaded needed
              /******/
              exports: {}
              /******/
            };
            __webpack_modules__[moduleId](module2, module2.exports, __webpack_require__);
            return module2.exports;
          }
          (() => {
            __webpack_require__.d = (exports2, definition) => {
              for (var key in definition) {
                if (__webpack_require__.o(definition, key) && !__webpack_require__.o(exports2, key)) {
                  Object.defineProperty(exports2, key, { enumerable: true, get: definition[key] });
                }
              }
            };
          })();
          (() => {
            __webpack_require__.o = (obj, prop) => Object.prototype.hasOwnProperty.call(obj, prop);
          })();
          (() => {
            __webpack_require__.r = (exports2) => {
              if (typeof Symbol !== "undefined" && Symbol.toStringTag) {
                Object.defineProperty(exports2, Symbol.toStringTag, { value: "Module" });
              }
              Object.defineProperty(exports2, "__esModule", { value: true });
            };
          })();
          var __webpack_exports__ = {};
          (() => {
            __webpack_require__.r(__webpack_exports__);
            __webpack_require__.d(__webpack_exports__, {
              /* harmony export */
              XzReadableStream: () => (
                /* binding */
                XzReadableStream
              )
              /* harmony export */
            });
            var _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1);
            const ReadableStream2 = globalThis.ReadableStream || __webpack_require__(2).ReadableStream;
            const XZ_OK = 0;
            const XZ_STREAM_END = 1;
            class XzContext {
              constructor(moduleInstance) {
                this.exports = moduleInstance.exports;
                this.memory = this.exports.memory;
                this.ptr = this.exports.create_context();
                this._refresh();
                this.bufSize = this.mem32[0];
                this.inStart = this.mem32[1] - this.ptr;
                this.inEnd = this.inStart + this.bufSize;
                this.outStart = this.mem32[4] - this.ptr;
              }
              supplyInput(sourceDataUint8Array) {
                this._refresh();
                const inBuffer = this.mem8.subarray(this.inStart, this.inEnd);
                inBuffer.set(sourceDataUint8Array, 0);
                this.exports.supply_input(this.ptr, sourceDataUint8Array.byteLength);
                this._refresh();
              }
              getNextOutput() {
                const result = this.exports.get_next_output(this.ptr);
                this._refresh();
                if (result !== XZ_OK && result !== XZ_STREAM_END) {
                  throw new Error(`get_next_output failed with error code ${result}`);
                }
                const outChunk = this.mem8.slice(this.outStart, this.outStart + /* outPos */
                this.mem32[5]);
                return { outChunk, finished: result === XZ_STREAM_END };
              }
              needsMoreInput() {
                return (
                  /* inPos */
                  this.mem32[2] === /* inSize */
                  this.mem32[3]
                );
              }
              outputBufferIsFull() {
                return (
                  /* outPos */
                  this.mem32[5] === this.bufSize
                );
              }
              resetOutputBuffer() {
                this.outPos = this.mem32[5] = 0;
              }
              dispose() {
                this.exports.destroy_context(this.ptr);
                this.exports = null;
              }
              _refresh() {
                if (this.memory.buffer !== this.mem8?.buffer) {
                  this.mem8 = new Uint8Array(this.memory.buffer, this.ptr);
                  this.mem32 = new Uint32Array(this.memory.buffer, this.ptr);
                }
              }
            }
            class ContextMutex {
              constructor() {
                this.locked = false;
                this.waitQueue = [];
              }
              async acquire() {
                if (!this.locked) {
                  this.locked = true;
                  return;
                }
                return new Promise((resolve12) => {
                  this.waitQueue.push(resolve12);
                });
              }
              release() {
                if (this.waitQueue.length > 0) {
                  const next = this.waitQueue.shift();
                  next();
                } else {
                  this.locked = false;
                }
              }
            }
            class XzReadableStream extends ReadableStream2 {
              static _moduleInstancePromise;
              static _moduleInstance;
              static _contextMutex = new ContextMutex();
              static async _getModuleInstance() {
                const base64Wasm = _dist_native_xz_decompress_wasm__WEBPACK_IMPORTED_MODULE_0__.replace("data:application/wasm;base64,", "");
                const wasmBytes = Uint8Array.from(atob(base64Wasm), (c3) => c3.charCodeAt(0)).buffer;
                const wasmOptions = {};
                const module2 = await WebAssembly.instantiate(wasmBytes, wasmOptions);
                XzReadableStream._moduleInstance = module2.instance;
              }
              constructor(compressedStream) {
                let xzContext;
                let unconsumedInput = null;
                const compressedReader = compressedStream.getReader();
                super({
                  async start(controller) {
                    await XzReadableStream._contextMutex.acquire();
                    try {
                      if (!XzReadableStream._moduleInstance) {
                        await (XzReadableStream._moduleInstancePromise || (XzReadableStream._moduleInstancePromise = XzReadableStream._getModuleInstance()));
                      }
                      xzContext = new XzContext(XzReadableStream._moduleInstance);
                    } catch (error) {
                      XzReadableStream._contextMutex.release();
                      throw error;
                    }
                  },
                  async pull(controller) {
                    try {
                      if (xzContext.needsMoreInput()) {
                        if (unconsumedInput === null || unconsumedInput.byteLength === 0) {
                          const { done, value } = await compressedReader.read();
                          if (!done) {
                            unconsumedInput = value;
                          }
                        }
                        const nextInputLength = Math.min(xzContext.bufSize, unconsumedInput.byteLength);
                        xzContext.supplyInput(unconsumedInput.subarray(0, nextInputLength));
                        unconsumedInput = unconsumedInput.subarray(nextInputLength);
                      }
                      const nextOutputResult = xzContext.getNextOutput();
                      controller.enqueue(nextOutputResult.outChunk);
                      xzContext.resetOutputBuffer();
                      if (nextOutputResult.finished) {
                        xzContext.dispose();
                        XzReadableStream._contextMutex.release();
                        controller.close();
                      }
                    } catch (error) {
                      if (xzContext) {
                        xzContext.dispose();
                      }
                      XzReadableStream._contextMutex.release();
                      throw error;
                    }
                  },
                  cancel() {
                    try {
                      if (xzContext) {
                        xzContext.dispose();
                      }
                      return compressedReader.cancel();
                    } finally {
                      XzReadableStream._contextMutex.release();
                    }
                  }
                });
              }
            }
          })();
          return __webpack_exports__;
        })()
      );
    });
  }
});

// src/core/version.ts
var qfiVersion = true ? "0.1.0" : "0.0.0-dev";

// src/core/errors.ts
var QfiError = class extends Error {
  kind;
  hint;
  location;
  constructor(kind, message, opts = {}) {
    super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.hint = opts.hint;
    this.location = opts.location;
  }
};
var UsageError = class extends QfiError {
  constructor(message, opts = {}) {
    super("usage", message, opts);
  }
};
var ConfigError = class extends QfiError {
  constructor(message, opts = {}) {
    super("config", message, opts);
  }
};
var InfraError = class extends QfiError {
  constructor(message, opts = {}) {
    super("infra", message, opts);
  }
};
var ExitCode = {
  pass: 0,
  testFailed: 1,
  usage: 2,
  infra: 3
};
function exitCodeForError(err) {
  if (err instanceof QfiError) return err.kind === "infra" ? ExitCode.infra : ExitCode.usage;
  return ExitCode.infra;
}
function formatLocation(loc) {
  const parts = [];
  if (loc.file) {
    let pos = loc.file;
    if (loc.line !== void 0) {
      pos += `:${loc.line}`;
      if (loc.column !== void 0) pos += `:${loc.column}`;
    }
    parts.push(pos);
  }
  if (loc.input) parts.push(loc.file ? `(input ${loc.input})` : `input ${loc.input}`);
  return parts.join(" ");
}
function formatCaret(loc) {
  if (loc.sourceLine === void 0 || loc.column === void 0) return void 0;
  const gutter = loc.line !== void 0 ? `${loc.line} | ` : "  | ";
  const pad2 = " ".repeat(gutter.length - 2) + "| ";
  const before = printable(loc.sourceLine.slice(0, Math.max(0, loc.column - 1)));
  return `${gutter}${printable(loc.sourceLine)}
${pad2}${" ".repeat(before.length)}^`;
}
function printable(text) {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c3) => `\\x${c3.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function formatError(err) {
  if (!(err instanceof QfiError)) {
    const msg = err instanceof Error ? err.message : String(err);
    return printable(`error: ${msg}`);
  }
  const where = err.location ? formatLocation(err.location) : "";
  const lines = [printable(`${where ? `${where}: ` : ""}error: ${err.message}`)];
  const caret = err.location ? formatCaret(err.location) : void 0;
  if (caret) lines.push(caret);
  if (err.hint) lines.push(printable(`hint: ${err.hint}`));
  return lines.join("\n");
}

// src/modes/modes.ts
import { readFileSync as readFileSync24 } from "node:fs";
import { relative as relative9 } from "node:path";

// src/protocol/guest-protocol.ts
var AGENT_FW_CFG = {
  /** The per-run marker token; the agent keeps only `[A-Za-z0-9_-]`. */
  token: "opt/qfi/token",
  /** The test command, shell text the agent runs with `sh -c`. */
  command: "opt/qfi/command",
  /** The run's seed (decimal), for guest runtimes' rate rules. */
  seed: "opt/qfi/seed",
  /** Marker names the guest's qfi-marker waits at until the runner acknowledges them ({@link syncMarkersText}). */
  syncMarkers: "opt/qfi/sync-markers",
  /** Guest path of the results file the agent copies to the results port after the command. */
  resultsFile: "opt/qfi/results-file"
};
var DEFAULT_RULES_FW_CFG_NAME = "opt/qfi/rules";
function syncMarkersText(names) {
  return names.map((m) => `${m}
`).join("");
}
function rulesNameParam(fwCfgName) {
  return `qfi.rules=${fwCfgName}`;
}
var SYNC_START_PARAM = "qfi.sync=1";
var REPORT_REGIONS_PARAM = "qfi.regions=1";
var RESULTS_PORT = "org.qfi.results";
var GO_LINE = "go";
function ackLine(markerName) {
  return `ack ${markerName}`;
}
function consoleInput(line) {
  return `${line}
`;
}
var MARKER_NAME_SOURCE = "[A-Za-z0-9_.-]{1,32}";
var MARKER_NAME = new RegExp(`^${MARKER_NAME_SOURCE}$`);
function isMarkerName(text) {
  return MARKER_NAME.test(text);
}
var KERNEL_REGIONS = ["kernel-code", "kernel-rodata", "kernel-data", "kernel-bss"];
var POINT_LINE = /QFI-POINT:([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)(?: calls=(\d{1,10}) fails=(\d{1,10}))?\s*$/;
var REGION_LINE = /QFI-REGION:([a-z][a-z0-9-]{0,31})=(0x[0-9a-f]{1,16}-0x[0-9a-f]{1,16})\s*$/;
var MARKER_LINE = new RegExp(`QFI-MARKER:(${MARKER_NAME_SOURCE})(?:=(0x[0-9a-fA-F]{1,16}))?`);
var AGENT_ERROR = "agent-error=";
function agentMarkerPrefix(token) {
  return `QFI:${token}:`;
}
function parseAgentMarker(text, token) {
  const prefix = agentMarkerPrefix(token);
  const at = text.indexOf(prefix);
  if (at === -1) return void 0;
  const body2 = text.slice(at + prefix.length).trim();
  if (body2 === "ready") return { kind: "agent-ready" };
  if (body2 === "start") return { kind: "test-start" };
  const exit = /^exit=(\d{1,3})$/.exec(body2);
  if (exit) return { kind: "test-exit", exitCode: Number(exit[1]) };
  if (body2.startsWith(AGENT_ERROR)) return { kind: "agent-error", reason: body2.slice(AGENT_ERROR.length) };
  return void 0;
}
function parseGuestLine(text, token) {
  const agent = parseAgentMarker(text, token);
  if (agent) return agent;
  const point = POINT_LINE.exec(text);
  if (point) return { kind: "point", name: point[1], ...point[2] !== void 0 ? { calls: Number(point[2]), fails: Number(point[3]) } : {} };
  const region = REGION_LINE.exec(text);
  if (region) return { kind: "region", name: region[1], range: region[2] };
  const named = MARKER_LINE.exec(text);
  if (named) return { kind: "marker", name: named[1], ...named[2] ? { value: named[2] } : {} };
  return void 0;
}
var PROTOCOL_LINE = /QFI:[A-Za-z0-9_-]*:|QFI-(?:POINT|MARKER|REGION):/;
function isProtocolLine(line) {
  return PROTOCOL_LINE.test(line);
}

// src/config/inputs.ts
var ACTION_MODES = ["run", "plan", "campaign", "merge", "qtest"];
var INPUTS = [
  {
    name: "mode",
    scope: "campaign",
    toml: void 0,
    type: "enum",
    values: [...ACTION_MODES],
    default: "run",
    cli: false,
    description: "What the step does: `run` one scenario; `plan` a campaign (output `matrix` for a matrix job, and plan.json); `campaign` run a campaign's scenarios (all, one `shard`, or one `scenario`); `merge` the results of several campaign jobs (`merge-from`); `qtest` run `qtest-script` against a machine without a guest. The CLI has a command for each: `qfi run|plan|campaign|merge|qtest`."
  },
  {
    name: "config",
    toml: void 0,
    type: "path",
    default: "qfi.toml if it exists",
    computedDefault: true,
    description: "Path of the qfi TOML file to read settings and fault rules from."
  },
  {
    name: "command",
    toml: "test.command",
    type: "string",
    default: void 0,
    description: "Shell command the built-in guest agent runs inside the guest (required, here or in the config file)."
  },
  {
    name: "faults",
    toml: void 0,
    type: "lines",
    default: void 0,
    description: "Extra fault rules for this run, one `point=action` per line, added after the file rules (CLI: also `--fault RULE`, repeatable)."
  },
  {
    name: "faults-enabled",
    toml: "fault_injection.enabled",
    type: "bool",
    default: "true",
    description: "Whether fault rules are delivered to the guest at all; false runs the test without faults."
  },
  {
    name: "require-fired",
    toml: "fault_injection.require_fired",
    type: "bool",
    default: "false",
    description: "Fail a passing run when a rule never fired: a host or plugin rule that never injected, a guest point the guest never called or never failed (a fault test whose fault never happened proves nothing)."
  },
  {
    name: "rules-file",
    toml: "fault_injection.rules_file",
    type: "path",
    default: void 0,
    description: "Another TOML file (such as a project's own config) to also read fault rules from; only its `rules-table` table is read."
  },
  {
    name: "rules-table",
    toml: "fault_injection.rules_table",
    type: "string",
    default: "fault_injection",
    description: "Dotted path of the table in `rules-file` that holds `enabled` and `rules` (quoted segments allowed)."
  },
  {
    name: "rules-fw-cfg-name",
    toml: "fault_injection.fw_cfg_name",
    type: "string",
    default: DEFAULT_RULES_FW_CFG_NAME,
    description: "fw_cfg file name the rules are delivered under (RustOS reads `opt/rustos/fault-injection`)."
  },
  {
    name: "seed",
    toml: "fault_injection.seed",
    type: "int",
    min: 0,
    max: 2 ** 32 - 1,
    default: "random",
    computedDefault: true,
    description: "Seed for rate-based faults (0 to 4294967295); a random seed is picked and reported when not given."
  },
  {
    name: "qemu",
    toml: "qemu.binary",
    type: "string",
    default: "auto",
    description: "QEMU to use: `auto` (the system QEMU unless the run needs a QEMU built with plugin headers), `build` (build from source and cache it), `system` (qemu-system-<arch> on PATH), or a path to a qemu-system binary or an install prefix."
  },
  {
    name: "qemu-version",
    toml: "qemu.version",
    type: "string",
    default: "10.2.2",
    description: "QEMU release to build (`build`, or `auto` when a build is needed); releases in qfi's table are downloaded and checked by sha256."
  },
  {
    name: "qemu-sha256",
    toml: "qemu.sha256",
    type: "string",
    default: void 0,
    description: "sha256 of the release tarball, for a `qemu-version` that is not in qfi's table (a mismatch is an error)."
  },
  {
    name: "qemu-source",
    toml: "qemu.source",
    type: "path",
    default: void 0,
    description: "A local QEMU source tarball or folder to build instead of downloading (Debian's `apt-get source` orig tarball works)."
  },
  {
    name: "qemu-targets",
    toml: "qemu.targets",
    type: "lines",
    default: "<arch>-softmmu",
    computedDefault: true,
    description: "QEMU targets to build, one per line (in the config file: an array)."
  },
  {
    name: "qemu-configure-flags",
    toml: "qemu.configure_flags",
    type: "lines",
    default: void 0,
    description: "Extra flags for QEMU's configure, one per line, after qfi's minimal set."
  },
  {
    name: "qemu-patches",
    toml: "qemu.patches",
    type: "lines",
    default: void 0,
    description: "Patch files applied in order (patch -p1) to the QEMU source before configure; one that does not apply fails the build."
  },
  {
    name: "install-deps",
    toml: "qemu.install_deps",
    type: "bool",
    default: "false",
    description: "Install missing QEMU build dependencies with apt-get (needs root or passwordless sudo on Debian/Ubuntu)."
  },
  {
    name: "icount",
    toml: "qemu.icount",
    type: "bool",
    default: "false",
    description: "Run with `-icount shift=0,sleep=off` and a VM-clock RTC: guest time follows executed instructions, so the same rules and seed give the same injections."
  },
  {
    name: "plugin",
    toml: "qemu.plugin",
    type: "path",
    default: void 0,
    description: "A TCG plugin to load: a C source file (compiled against the built QEMU) or a ready .so."
  },
  {
    name: "plugin-args",
    toml: "qemu.plugin_args",
    type: "lines",
    default: void 0,
    description: "Arguments for `plugin`, one `key=value` per line (in the config file: an array)."
  },
  {
    name: "accel",
    toml: "qemu.accel",
    type: "enum",
    values: ["auto", "kvm", "tcg"],
    default: "auto",
    description: "Accelerator: `kvm` when usable with `auto`, else `tcg`. Plugin rules, snapshot campaigns, a `plugin` and `icount` need TCG: `auto` then picks it, an explicit `kvm` is refused."
  },
  {
    name: "qemu-args",
    toml: "qemu.extra_args",
    type: "lines",
    default: void 0,
    description: "Extra QEMU arguments, one argv item per line (in the config file: an array of strings)."
  },
  {
    name: "qemu-trailing-args",
    toml: void 0,
    type: "lines",
    default: void 0,
    cli: false,
    description: "QEMU arguments added last, after `qemu-args` or the config file's `qemu.extra_args` (which they do not replace), one argv item per line. The CLI takes them after a bare `--`: `qfi run \u2026 -- -no-reboot`."
  },
  {
    name: "arch",
    toml: "machine.arch",
    type: "enum",
    values: ["x86_64", "aarch64"],
    default: "x86_64",
    description: "Guest architecture: `x86_64` (QEMU machine `q35`) or `aarch64` (machine `virt`); the built-in guest exists for both."
  },
  {
    name: "machine-type",
    toml: "machine.type",
    type: "string",
    default: "q35 on x86_64, virt on aarch64",
    computedDefault: true,
    description: "QEMU machine type, with options if needed (`pc`, `q35`, `virt,gic-version=3`), as `-machine` takes it."
  },
  {
    name: "cpu",
    toml: "machine.cpu",
    type: "string",
    default: "QEMU's default on x86_64, cortex-a57 on aarch64 (host with KVM)",
    computedDefault: true,
    description: "QEMU CPU model (`-cpu`), e.g. `max`, `Skylake-Client`, `cortex-a72`."
  },
  {
    name: "rtc-base",
    toml: "machine.rtc_base",
    type: "string",
    default: void 0,
    description: "The guest's wall clock at boot (QEMU `-rtc base=`): `utc` (QEMU's default), `localtime`, or a fixed start like `2024-01-01` or `2024-01-01T08:00:00`, so tests that print dates give the same output every run (snapshot golden runs compare output)."
  },
  {
    name: "memory",
    toml: "machine.memory",
    type: "string",
    default: "256M",
    description: "Guest memory as QEMU -m takes it (`256M`, `1G`, a bare number is MiB); at least 64M."
  },
  {
    name: "cpus",
    toml: "machine.cpus",
    type: "int",
    min: 1,
    max: 64,
    default: "1",
    description: "Number of guest vCPUs (1 to 64)."
  },
  {
    name: "kernel",
    toml: "guest.kernel",
    type: "path",
    default: void 0,
    description: "Your guest kernel: a Linux bzImage/vmlinux/Image, or any kernel QEMU's `-kernel` boots (multiboot ELF on x86). Without `initrd` it boots the built-in initramfs and agent; the built-in kernel is used when not given."
  },
  {
    name: "initrd",
    toml: "guest.initrd",
    type: "path",
    default: void 0,
    description: "Your initrd for your `kernel`; it replaces the built-in agent, so the verdict comes from `success-marker`, `failure-marker`, `exit-device`, KTAP on the console or `agent: qemu-guest-agent`."
  },
  {
    name: "bios",
    toml: "guest.bios",
    type: "path",
    default: "qboot for Linux kernels on x86_64, else QEMU's default firmware",
    computedDefault: true,
    description: "Firmware image for QEMU's `-bios` (e.g. an OVMF or u-boot build)."
  },
  {
    name: "debian-mirror",
    toml: "guest.debian_mirror",
    type: "string",
    default: "the host's Debian mirror (from its apt sources) on Debian, else https://deb.debian.org/debian",
    computedDefault: true,
    description: "Debian mirror (base URL, as in apt's sources) the built-in guest's kernel and busybox packages are downloaded from; its index is checked with Debian's archive keyring where the host has gpgv and the keyring."
  },
  {
    name: "guest-pin",
    toml: "guest.pin",
    type: "string",
    default: void 0,
    description: "Boot exactly this built-in guest: the `guest.pin` line of a run's summary.json (its kernel and busybox packages by pool path and sha256), as `qfi reproduce` passes it; taken from the cache, the mirror or snapshot.debian.org."
  },
  {
    name: "files",
    toml: "guest.files",
    type: "lines",
    default: void 0,
    description: "Host files copied into the built-in guest, one per line: `path=build/mytest dest=/usr/bin/mytest` with optional `mode=0755` (in the config file: `[[guest.files]]` tables). The shared libraries of a dynamic ELF program come along (resolved like ldd), so it runs as on the host."
  },
  {
    name: "agent",
    toml: "guest.agent",
    type: "enum",
    values: ["auto", "qfi", "qemu-guest-agent", "none"],
    default: "auto",
    description: "What runs `command` in the guest: `qfi` (the built-in initramfs's agent), `qemu-guest-agent` (the agent inside your disk image or initrd, over virtio-serial), or `none` (your kernel runs its tests itself). `auto`: `qfi` with the built-in initramfs, else `none`."
  },
  {
    name: "append",
    toml: "guest.append",
    type: "string",
    default: "",
    description: "Extra kernel command line, appended to the defaults (`console=` and, with the built-in agent, a quiet fast boot)."
  },
  {
    name: "disks",
    toml: "guest.disks",
    type: "lines",
    default: void 0,
    description: "Extra virtio disks, one per line: `id=data size=64M` (a new empty disk) or `id=data path=disk.img`, with optional `format=raw|qcow2`, `read-only=true`, `boot=true` (the firmware boots this image: a distribution disk image) and `snapshot=true` (writes go to a throw-away overlay; the default for a boot disk) (in the config file: `[[guest.disks]]` tables). Block rules name them: `block.read[disk=data]=fail`."
  },
  {
    name: "network",
    toml: "machine.network",
    type: "enum",
    values: ["none", "user"],
    default: "none",
    description: "Guest network: `user` adds a virtio-net NIC on QEMU user networking (guest 10.0.2.15, gateway 10.0.2.2), needed by `net.link` rules."
  },
  {
    name: "boot-timeout",
    toml: "test.boot_timeout",
    type: "duration",
    default: "60s",
    description: "Longest time from QEMU start to the guest agent being ready (`90s`, `2m`, `1m30s`)."
  },
  {
    name: "test-timeout",
    toml: "test.timeout",
    type: "duration",
    default: "10m",
    description: "Longest time the test command may run in the guest."
  },
  {
    name: "timeout",
    toml: "test.overall_timeout",
    type: "duration",
    default: "boot-timeout + test-timeout + 60s",
    computedDefault: true,
    description: "Longest time for the whole run, boot to power-off, including diagnostics."
  },
  {
    name: "success-marker",
    toml: "test.success_marker",
    type: "string",
    default: void 0,
    description: "Regular expression (JavaScript syntax) that a console line of a passing guest matches, e.g. `ALL TESTS PASSED`. Once given, a run without it does not pass. With `agent: none` and no `exit-device`, the run ends at the first match."
  },
  {
    name: "failure-marker",
    toml: "test.failure_marker",
    type: "string",
    default: void 0,
    description: "Regular expression (JavaScript syntax) that a console line of a failing guest matches, e.g. `^FAIL|assertion failed`; the first match fails the run."
  },
  {
    name: "exit-device",
    toml: "test.exit_device",
    type: "enum",
    values: ["none", "isa-debug-exit", "semihosting"],
    default: "none",
    description: "How your kernel reports an exit code: `isa-debug-exit` (x86: write the code to I/O port 0xf4; QEMU adds `-device isa-debug-exit,iobase=0xf4,iosize=0x04`) or `semihosting` (aarch64: SYS_EXIT with ADP_Stopped_ApplicationExit; the guest may then also use semihosting's console)."
  },
  {
    name: "pass-exit-codes",
    toml: "test.pass_exit_codes",
    type: "string",
    default: "0",
    description: "Guest exit codes (from `exit-device`) that mean pass, as a list of numbers and ranges: `0`, `0,3`, `0-1`; any other code fails the run."
  },
  {
    name: "results-file",
    toml: "test.results_file",
    type: "string",
    default: void 0,
    description: "Absolute guest path of a KTAP/TAP file the command writes (e.g. `/tmp/results.tap` from a kselftest runner). After the command the agent (`qfi` or `qemu-guest-agent`) hands it to the runner: each test becomes a JUnit testcase, a `not ok` fails the run, and a missing, empty or cut-off file is an error. Saved as `guest-results.txt`."
  },
  {
    name: "qtest-script",
    toml: "qtest.script",
    type: "lines",
    default: void 0,
    description: "qtest scripts for `mode: qtest` (`qfi qtest`), one path per line: QEMU qtest protocol lines with expectations (`inb 0x511 == 0x51`, `readl 0x09000018 & 0x20 == 0x0`), in `[sections]` that each become a JUnit testcase. Each script runs on its own QEMU with the qtest accelerator."
  },
  {
    name: "qtest-devices",
    toml: "qtest.devices",
    type: "lines",
    default: void 0,
    description: "Devices for `mode: qtest`, one `-device` value per line (`ide-hd,drive=qfi-data,bus=ide.0`); a disk from `disks` is the block node `qfi-<id>`, with no device of its own in this mode."
  },
  {
    name: "campaign",
    scope: "campaign",
    toml: "campaign.kind",
    type: "enum",
    values: ["matrix", "fail-nth", "chaos", "snapshot"],
    default: "matrix",
    description: "Kind of campaign: `matrix` (one scenario per point and action), `fail-nth` (a golden run counts each point's calls, then one scenario fails exactly the k-th call), `chaos` (rate rules repeated `repeat` times with seeds), `snapshot` (boot once, save the state, then `repeat` trials each restore it and flip one bit in a `regions` region; every trial classified benign, sdc, detected, crash or hang)."
  },
  {
    name: "points",
    scope: "campaign",
    toml: "fault_injection.points",
    type: "lines",
    default: "the points the guest reports in a probe run",
    computedDefault: true,
    description: "Fault points a campaign covers, one per line: `storage.read`, `block.read[disk=data]`, optionally with their own actions: `storage.read actions=fail,fail-after:2` (config file: `[[fault_injection.points]]` tables with `name` and `actions`)."
  },
  {
    name: "actions",
    scope: "campaign",
    toml: "campaign.actions",
    type: "lines",
    default: "fail (chaos: rate:100)",
    computedDefault: true,
    description: "Actions tried on each point that names none, one per line (`fail`, `fail-after:2`, `rate:50`)."
  },
  {
    name: "repeat",
    scope: "campaign",
    toml: "campaign.repeat",
    type: "int",
    min: 1,
    max: 1e4,
    default: "1 (chaos: 10, snapshot: 50)",
    computedDefault: true,
    description: "Trials per point and action (snapshot: trials in all, spread over the regions); trial i runs with seed + i - 1."
  },
  {
    name: "fail-nth-max",
    scope: "campaign",
    toml: "campaign.fail_nth_max",
    type: "int",
    min: 1,
    max: 1e4,
    default: "100",
    description: "Most calls a fail-nth sweep fails per point (calls 1..this); a point called more often is swept up to here and the summary says so."
  },
  {
    name: "recheck",
    scope: "campaign",
    toml: "campaign.recheck",
    type: "int",
    min: 0,
    max: 1e3,
    default: "2",
    description: "Chaos: how many failing trials per point are run again with the same seed; a different outcome marks the point flaky."
  },
  {
    name: "max-jobs",
    scope: "campaign",
    toml: "campaign.max_jobs",
    type: "int",
    min: 1,
    max: 256,
    default: "256",
    description: "Most matrix jobs a plan asks for (GitHub allows 256 per matrix); more scenarios are spread over this many shards. A snapshot campaign asks for one job per 25 trials at most (each job boots once)."
  },
  {
    name: "shard",
    scope: "campaign",
    toml: void 0,
    type: "string",
    default: void 0,
    description: "Run only shard `i/N` of the campaign: every N-th scenario, starting at the i-th (1-based), as in a plan's matrix entry."
  },
  {
    name: "scenario",
    scope: "campaign",
    toml: void 0,
    type: "string",
    default: void 0,
    description: "Run only the campaign scenario with this id."
  },
  {
    name: "plan-file",
    scope: "campaign",
    toml: void 0,
    type: "path",
    default: void 0,
    description: "plan.json written by `mode: plan`: the campaign runs exactly these scenarios (no second probe run, same seeds)."
  },
  {
    name: "history",
    scope: "campaign",
    toml: "campaign.history",
    type: "string",
    default: void 0,
    description: "A previous campaign's campaign.json (a path; a missing file only warns): points whose failure rate got worse or that newly fail are marked, and a chaos campaign then fails only on those."
  },
  {
    name: "regions",
    scope: "campaign",
    toml: "campaign.regions",
    type: "lines",
    default: "kernel-code, kernel-data, ram, registers (other guests: ram, registers)",
    computedDefault: true,
    description: "Snapshot campaigns: where the bit flips land, one region per line, trials spread evenly: `ram`, `registers`, `kernel-code`, `kernel-rodata`, `kernel-data`, `kernel-bss` (reported by the built-in guest), or your own `name=0xSTART-0xEND` guest-physical ranges (end exclusive, `;` between)."
  },
  {
    name: "snapshot-at",
    scope: "campaign",
    toml: "campaign.snapshot_at",
    type: "string",
    default: "start",
    description: "Snapshot campaigns: where the state is saved and every trial resumes: `start` (the test command is about to run), a marker name the test reaches with `qfi-marker NAME` (the guest waits there while the state is saved), or `time:2s` (that long after the test started)."
  },
  {
    name: "trial-timeout",
    scope: "campaign",
    toml: "campaign.trial_timeout",
    type: "duration",
    default: "the golden runs' test time \xD7 5, at least 3s",
    computedDefault: true,
    description: "Snapshot campaigns: a trial whose test command runs longer than this is a `hang`."
  },
  {
    name: "merge-from",
    scope: "campaign",
    toml: void 0,
    type: "lines",
    default: void 0,
    cli: false,
    description: "Folders holding the results of campaign jobs (e.g. downloaded artifacts), merged by `mode: merge` into one JUnit file and one summary."
  },
  {
    name: "name",
    toml: "report.name",
    type: "string",
    default: "config file name without extension, else qfi",
    computedDefault: true,
    description: "Scenario name used for the JUnit suite and artifact names (letters, digits, `.`, `_`, `-`)."
  },
  {
    name: "results-dir",
    toml: "report.dir",
    type: "path",
    default: "qfi-results",
    description: "Folder the console log, JUnit, summary and reproducer are written to."
  },
  {
    name: "artifact-name",
    toml: "report.artifact_name",
    type: "string",
    default: void 0,
    description: "Name of the uploaded results artifact (GitHub only); derived from the scenario name when not given."
  },
  {
    name: "upload-artifacts",
    toml: "report.upload",
    type: "bool",
    default: "true",
    description: "Whether to upload the results folder as an artifact (GitHub only)."
  },
  {
    name: "fail-on-verdict",
    toml: "report.fail_on_verdict",
    type: "bool",
    default: "true",
    description: "Whether a failing verdict fails the step / exits non-zero (infrastructure errors always do)."
  }
];
var byName = new Map(INPUTS.map((spec2) => [spec2.name, spec2]));
function inputSpec(name) {
  const spec2 = byName.get(name);
  if (!spec2) throw new Error(`unknown input ${name}`);
  return spec2;
}
function isInputName(name) {
  return byName.has(name);
}

// src/config/closest-match.ts
function closestMatch(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : void 0;
}
function editDistance(a2, b) {
  const rows = [];
  for (let i2 = 0; i2 <= a2.length; i2++) {
    const row = [];
    for (let j = 0; j <= b.length; j++) {
      if (i2 === 0 || j === 0) {
        row.push(i2 + j);
        continue;
      }
      const cost = a2[i2 - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((rows[i2 - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i2 - 1]?.[j - 1] ?? 0) + cost);
      if (i2 > 1 && j > 1 && a2[i2 - 1] === b[j - 2] && a2[i2 - 2] === b[j - 1]) d = Math.min(d, (rows[i2 - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a2.length]?.[b.length] ?? 0;
}

// src/core/results-layout.ts
var RESULTS_FILES = {
  console: "console.log",
  qemuStderr: "qemu-stderr.log",
  qmpLog: "qmp.log",
  /** HMP `info registers`, captured when a timeout stops QEMU. */
  registers: "registers.txt",
  /** What qfi's plugin injected (one JSON object a line); host lines are appended after the run. */
  injections: "injections.jsonl",
  /** QEMU's block trace (-D), when the run has block rules or counts requests. */
  blockTrace: "block-trace.log",
  /** The blkdebug configurations of each disk swap (a folder). */
  blkdebug: "blkdebug",
  /** The guest's `results-file`, as its agent handed it over. */
  guestResults: "guest-results.txt",
  /** qemu-guest-agent runs: the conversation, and the command's output. */
  qgaTranscript: "qga.log",
  commandStdout: "command-stdout.log",
  commandStderr: "command-stderr.log"
};
var QEMU_BUILD_LOG = "qemu-build.log";
var REPORT_FILES = {
  junit: "junit.xml",
  /** A campaign's part (one scenario, one shard): never counted beside the campaign's junit.xml. */
  partJunit: "part-junit.xml",
  summaryJson: "summary.json",
  summaryMarkdown: "summary.md",
  reproducer: "reproducer.sh",
  campaign: "campaign.json",
  plan: "plan.json",
  matrix: "matrix.json"
};
var REPRODUCE_FILES = {
  manifest: "reproduce.json",
  config: "reproduce-config.toml",
  rulesFile: "reproduce-rules.toml",
  /** Written by `qfi reproduce` into its own results folder. */
  comparison: "comparison.json"
};
function runResultNames() {
  const { junit, partJunit, summaryJson, summaryMarkdown, reproducer } = REPORT_FILES;
  return [junit, partJunit, summaryJson, summaryMarkdown, reproducer, QEMU_BUILD_LOG, ...Object.values(RESULTS_FILES), ...Object.values(REPRODUCE_FILES)];
}

// src/campaign/merge.ts
import { existsSync as existsSync28, mkdirSync as mkdirSync8, readdirSync as readdirSync7, statSync as statSync14 } from "node:fs";
import { dirname as dirname13, join as join40, relative as relative6 } from "node:path";

// src/core/input-file.ts
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
var MAX_TEXT_INPUT_BYTES = 1024 * 1024;
function readInputFile(req) {
  checkInputFile(
    req,
    stat(req, () => statSync(req.path))
  );
  let fd;
  try {
    fd = openSync(req.path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw unreadable(req, err);
  }
  try {
    const st = stat(req, () => fstatSync(fd));
    checkInputFile(req, st);
    const buffer = Buffer.alloc(st.size + 1);
    let length = 0;
    for (let n2 = -1; n2 !== 0 && length < buffer.length; length += n2) n2 = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > st.size) {
      throw new ConfigError(`${req.what} ${req.displayPath} grew while qfi read it`, {
        ...req.location ? { location: req.location } : {},
        hint: "give a file that is complete (not one still being written)"
      });
    }
    return buffer.subarray(0, length);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw unreadable(req, err);
  } finally {
    closeSync(fd);
  }
}
function checkInputFile(req, st) {
  if (!st.isFile()) {
    throw new ConfigError(`${req.what} ${req.displayPath} is ${fileKind(st)}, not a regular file`, {
      ...req.location ? { location: req.location } : {},
      hint: `name a regular file (${req.path})`
    });
  }
  if (st.size > req.maxBytes) throw tooLarge(req, st.size);
}
function fileKind(st) {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}
function stat(req, call) {
  try {
    return call();
  } catch (err) {
    throw unreadable(req, err);
  }
}
function tooLarge(req, size) {
  return new ConfigError(`${req.what} ${req.displayPath} is ${formatBytes(size)}; qfi reads at most ${formatBytes(req.maxBytes)} from a ${req.what}`, {
    ...req.location ? { location: req.location } : {},
    hint: `check the path (${req.path}): a ${req.what} is text written by hand`
  });
}
function unreadable(req, err) {
  const code = err.code;
  const reason = code === "ENOENT" ? "does not exist" : `cannot be read (${err.message})`;
  return new ConfigError(`${req.what} ${req.displayPath} ${reason}`, {
    ...req.location ? { location: req.location } : {},
    hint: `check the path (${req.path}); relative paths are resolved from the working directory for inputs and from the config file's folder in qfi.toml`,
    cause: err
  });
}
function formatBytes(n2) {
  if (n2 >= 1024 * 1024 * 1024) return `${(n2 / 1024 ** 3).toFixed(1)} GiB`;
  if (n2 >= 1024 * 1024) return `${(n2 / 1024 ** 2).toFixed(n2 % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n2 >= 1024) return `${(n2 / 1024).toFixed(n2 % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n2} bytes`;
}
function decodeUtf8Input(bytes, req) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, at));
    const line = before.split("\n").length;
    const lineStart = before.lastIndexOf("\n") + 1;
    const lineEnd = bytes.indexOf(10, at);
    const sourceLine = new TextDecoder("utf-8").decode(bytes.subarray(Buffer.byteLength(before.slice(0, lineStart)), lineEnd < 0 ? bytes.length : lineEnd));
    throw new ConfigError(`${req.what} ${req.displayPath} is not UTF-8 text: byte 0x${bytes[at].toString(16).padStart(2, "0")} at line ${line}`, {
      location: { ...req.location, file: req.displayPath, line, column: before.length - lineStart + 1, sourceLine: sourceLine.replace(/\r$/, "") },
      hint: "save the file as UTF-8 (TOML files are UTF-8 by definition)"
    });
  }
}
function firstInvalidUtf8(bytes) {
  for (let i2 = 0; i2 < bytes.length; ) {
    const b = bytes[i2];
    if (b < 128) {
      i2++;
      continue;
    }
    const length = b >= 194 && b <= 223 ? 2 : b >= 224 && b <= 239 ? 3 : b >= 240 && b <= 244 ? 4 : 0;
    const lo = b === 224 ? 160 : b === 240 ? 144 : 128;
    const hi = b === 237 ? 159 : b === 244 ? 143 : 191;
    if (length === 0 || i2 + length > bytes.length) return i2;
    if (bytes[i2 + 1] < lo || bytes[i2 + 1] > hi) return i2;
    for (let k = 2; k < length; k++) if (bytes[i2 + k] < 128 || bytes[i2 + k] > 191) return i2;
    i2 += length;
  }
  return bytes.length;
}

// src/campaign/plan-file.ts
import { join } from "node:path";

// src/campaign/model.ts
var CAMPAIGN_SCHEMA_VERSION = 1;

// src/core/log-file.ts
import { createWriteStream, writeFileSync } from "node:fs";

// src/core/fs-errors.ts
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
var ERRNO_WORDS = {
  EROFS: "the file system is read-only (EROFS)",
  EACCES: "permission denied (EACCES)",
  EPERM: "operation not permitted (EPERM)",
  ENOENT: "no such file or folder (ENOENT)",
  ENOTDIR: "a part of the path is a file, not a folder (ENOTDIR)",
  EEXIST: "a file of that name is in the way (EEXIST)",
  EISDIR: "it is a folder (EISDIR)",
  ENOSPC: "no space left on the device (ENOSPC)",
  EDQUOT: "the disk quota is used up (EDQUOT)",
  EFBIG: "the file is too large for the file system (EFBIG)",
  EIO: "an I/O error (EIO)"
};
function describeFsError(err) {
  const e = err;
  return ERRNO_WORDS[e.code ?? ""] ?? e.message ?? String(err);
}
function isStorageFailure(err) {
  const code = err.code;
  return code === "ENOSPC" || code === "EDQUOT" || code === "EFBIG" || code === "EIO";
}
function makeDirs(path6) {
  const missing = [];
  for (let dir = resolve(path6); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    }
  }
}

// src/core/log-file.ts
var LogFile = class {
  constructor(path6, opts = {}) {
    this.path = path6;
    this.onFailure = opts.onFailure;
    this.stream = createWriteStream(path6, { flags: opts.flags ?? "w" });
    this.stream.on("error", (error) => this.fail(error));
  }
  path;
  stream;
  failed;
  onFailure;
  /** The first write error, if any. */
  get failure() {
    return this.failed;
  }
  write(chunk) {
    if (this.failed || this.stream.destroyed) return;
    this.stream.write(chunk);
  }
  /** Flushes and closes; resolves (never rejects) once the file is closed or has failed. */
  end() {
    return new Promise((resolve12) => {
      if (this.failed || this.stream.destroyed) return resolve12();
      this.stream.once("error", () => resolve12());
      this.stream.end(() => resolve12());
    });
  }
  fail(error) {
    if (this.failed) return;
    this.failed = { path: this.path, error };
    this.onFailure?.(this.failed);
  }
};
function describeWriteFailure(failure) {
  return `could not write ${failure.path}: ${describeFsError(failure.error)}; what was written before it is kept`;
}
function writeResultFile(path6, data, opts = {}) {
  try {
    writeFileSync(path6, data, opts);
  } catch (err) {
    throw new InfraError(`could not write ${path6}: ${describeFsError(err)}`, {
      hint: "free space on that file system (or make it writable), or give a results-dir on another one",
      cause: err
    });
  }
}

// src/campaign/plan-file.ts
var PLAN_FILE = REPORT_FILES.plan;
function writePlanFile(dir, plan) {
  const file = join(dir, PLAN_FILE);
  writeResultFile(file, `${JSON.stringify(plan, null, 2)}
`);
  return file;
}
function readPlanFile(file, input = "plan-file") {
  const hint = "give the plan.json that `qfi plan` (action mode: plan) wrote, with the same qfi version";
  const request = { path: file, displayPath: file, what: "plan file", maxBytes: 64 * 1024 * 1024, location: { input } };
  const text = decodeUtf8Input(readInputFile(request), request);
  let plan;
  try {
    plan = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`plan file ${file} is not JSON: ${err.message}`, { location: { input }, hint });
  }
  if (plan.schema !== CAMPAIGN_SCHEMA_VERSION || !Array.isArray(plan.scenarios)) {
    throw new ConfigError(`plan file ${file} is not a qfi plan (schema ${CAMPAIGN_SCHEMA_VERSION})`, { location: { input }, hint });
  }
  return plan;
}

// src/campaign/report.ts
import { existsSync as existsSync7, readFileSync as readFileSync3 } from "node:fs";
import { join as join6 } from "node:path";

// src/report/junit-suites.ts
function topLevelSuites(xml) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (const m of xml.matchAll(/<testsuite\b[^>]*?(\/?)>|<\/testsuite>/g)) {
    if (m[0] === "</testsuite>") {
      depth--;
      if (depth === 0) out.push(xml.slice(start, m.index + m[0].length));
    } else if (m[1] === "/") {
      if (depth === 0) out.push(m[0]);
    } else {
      if (depth === 0) start = m.index;
      depth++;
    }
  }
  return out;
}

// src/report/xml-text.ts
var forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
function toXmlText(text) {
  return text.replace(forbidden, "");
}
function toReportText(text) {
  return toXmlText(text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, ""));
}

// src/report/junit-names.ts
function suitePrefix(scenario) {
  return scenario === "qfi" ? "qfi run" : `qfi ${scenario}`;
}
function junitNames(scenario) {
  const suite = suitePrefix(scenario);
  return { suite, classname: suite, caseName: (what) => `${scenario}: ${what}` };
}
function ktapNames(scenario, stream, path6) {
  const streamPart = stream === "ktap" ? "" : `${stream} `;
  const suite = [`${suitePrefix(scenario)} ${stream}`, ...path6.length ? [path6.join("/")] : []].join(" ");
  return { suite, classname: suite, caseName: (what) => `${scenario}: ${streamPart}${[...path6, what].join(".")}` };
}

// src/campaign/junit-merge.ts
function attribute(tag, name) {
  const m = new RegExp(`\\s${name}="([0-9.]+)"`).exec(tag);
  return m ? Number(m[1]) : 0;
}
function junitSuites(xml) {
  return topLevelSuites(xml);
}
function missingSuite(id, why) {
  const names = junitNames(id);
  return [
    `  <testsuite name="${escapeAttr(names.suite)}" tests="1" failures="0" errors="1" skipped="0" time="0">`,
    `    <testcase classname="${escapeAttr(names.classname)}" name="${escapeAttr(id)}" time="0">`,
    `      <error message="${escapeAttr(why)}" type="missing-results"/>`,
    "    </testcase>",
    "  </testsuite>"
  ].join("\n");
}
function escapeAttr(text) {
  return toXmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function mergeJUnit(name, suites) {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let time = 0;
  for (const suite of suites) {
    const open2 = /^<testsuite\b[^>]*>/.exec(suite.trim())?.[0] ?? "";
    tests += attribute(open2, "tests");
    failures += attribute(open2, "failures");
    errors += attribute(open2, "errors");
    time += attribute(open2, "time");
  }
  const body2 = suites.map((s) => `  ${s.trim()}`).join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttr(name)}" tests="${tests}" failures="${failures}" errors="${errors}" time="${Math.round(time * 1e3) / 1e3}">`,
    ...body2 ? [body2] : [],
    "</testsuites>",
    ""
  ].join("\n");
}

// src/report/write-reports.ts
import { basename as basename2, join as join5 } from "node:path";

// src/report/junit-ktap.ts
var maxDiagnosticChars = 512 * 1024;
function ktapSuites(ktap, naming) {
  const budget = { left: maxDiagnosticChars };
  const suites = [];
  const fromResultsFile = (s) => s.source.startsWith("results file");
  for (const [base, streams] of [
    ["ktap", ktap.streams.filter((s) => !fromResultsFile(s))],
    ["results", ktap.streams.filter(fromResultsFile)]
  ]) {
    const many = streams.length > 1;
    streams.forEach((stream, i2) => suites.push(...streamSuites(stream, many ? `${base}.${i2 + 1}` : base, naming, budget)));
  }
  if (ktap.dropped > 0) {
    suites.push({
      name: ktapNames(naming.scenario, "ktap", ["(dropped)"]).suite,
      cases: [
        {
          name: ktapNames(naming.scenario, "ktap", []).caseName(`(${ktap.dropped} more results)`),
          classname: ktapNames(naming.scenario, "ktap", []).classname,
          result: { kind: "skipped", message: `${ktap.dropped} results over the report's budget were counted, not kept` }
        }
      ]
    });
  }
  return suites;
}
function streamSuites(stream, streamName, naming, budget) {
  const where = (test) => naming.location(stream, test);
  const names = (path6) => ktapNames(naming.scenario, streamName, path6);
  const properties2 = [
    ["qfi.ktap.version", stream.version],
    ["qfi.ktap.status", stream.status],
    ...stream.source === "console" ? [["qfi.ktap.console_lines", `${stream.firstLine}-${stream.lastLine}`]] : [["qfi.ktap.source", stream.source], ["qfi.ktap.lines", `${stream.firstLine}-${stream.lastLine}`]],
    ...stream.errors.slice(0, 20).map((e) => ["qfi.ktap.error", e])
  ];
  const top = { name: names([]).suite, properties: properties2, cases: [] };
  const out = [top];
  const visit = (into, test, path6) => {
    const n2 = names(path6);
    if (test.subtests.length === 0) {
      const result = caseResult(test, budget);
      into.cases.push({ name: n2.caseName(test.name), classname: n2.classname, ...where(test), ...result ? { result } : {} });
      return;
    }
    const here = [...path6, test.name];
    const inner = names(here);
    const suite = { name: inner.suite, cases: [] };
    if (test.errors.length) suite.properties = test.errors.slice(0, 20).map((e) => ["qfi.ktap.error", e]);
    out.push(suite);
    for (const sub of test.subtests) visit(suite, sub, here);
    const own = caseResult(test, budget);
    if (own && own.kind !== "skipped" && !anyCaseFailed(test))
      suite.cases.push({ name: n2.caseName(`${test.name} (suite result)`), classname: inner.classname, ...where(test), result: own });
  };
  for (const test of stream.tests) visit(top, test, []);
  const failing = out.some((s) => s.cases.some((c3) => c3.result && c3.result.kind !== "skipped"));
  if (stream.errors.length && (out.every((s) => s.cases.length === 0) || (stream.status === "fail" || stream.status === "crash") && !failing)) {
    const kind = stream.status === "fail" ? "failure" : "error";
    top.cases.push({
      name: names([]).caseName("(stream)"),
      classname: names([]).classname,
      ...where(),
      result: { kind, type: "ktap", message: stream.errors.at(kind === "failure" ? -1 : 0), text: stream.errors.join("\n") }
    });
  }
  const kept = out.filter((s) => s.cases.length > 0);
  if (kept.length === 0) return [top];
  if (kept[0] !== top) kept[0] = { ...kept[0], properties: [...properties2, ...kept[0].properties ?? []] };
  return kept;
}
function anyCaseFailed(test) {
  return test.subtests.some((s) => s.subtests.length ? anyCaseFailed(s) : s.status === "fail" || s.status === "crash");
}
function caseResult(test, budget) {
  const directive = test.directive ? `# ${test.directive}${test.note ? ` ${test.note}` : ""}` : test.note ? `# ${test.note}` : "";
  switch (test.status) {
    case "pass":
      return void 0;
    case "skip":
      if (test.directive === "TODO" || test.directive === "XFAIL") return { kind: "skipped", message: `expected failure (${directive.slice(2)})` };
      return { kind: "skipped", ...test.note ? { message: test.note } : {} };
    case "no-tests":
      return { kind: "skipped", message: test.errors[0] ?? "0 tests run!" };
    case "fail": {
      const kind = test.directive === "ERROR" ? "error" : "failure";
      const why = test.diagnostics.find((d) => /FAILED|fail|error|expected/i.test(d)) ?? (directive || `not ok: ${test.name}`);
      return { kind, type: "ktap", message: why.replace(/^#\s*/, ""), text: details(test, budget) };
    }
    case "crash":
      return { kind: "error", type: "ktap", message: test.errors[0] ?? "no result", text: details(test, budget) };
  }
}
function details(test, budget) {
  const text = [...test.errors, ...test.diagnostics].join("\n");
  if (budget.left <= 0) return "(diagnostics left out: the report is over its size budget)";
  const kept = text.length <= budget.left ? text : `${text.slice(0, budget.left)}
\u2026 (cut: the report is over its size budget)`;
  budget.left -= kept.length;
  return kept;
}

// src/report/junit-xml.ts
function countSuite(suite) {
  const c3 = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const tc of suite.cases) {
    c3.tests++;
    if (tc.result?.kind === "failure") c3.failures++;
    else if (tc.result?.kind === "error") c3.errors++;
    else if (tc.result?.kind === "skipped") c3.skipped++;
  }
  return c3;
}
var attr = (text) => toXmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
var body = (text) => toXmlText(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
var seconds = (s) => String(Math.round(s * 1e3) / 1e3);
function attrs(pairs) {
  return pairs.filter((p) => p[1] !== void 0).map(([k, v]) => ` ${k}="${attr(String(v))}"`).join("");
}
function renderCase(tc, pad2, out) {
  const open2 = `${pad2}<testcase${attrs([
    ["classname", tc.classname],
    ["name", tc.name],
    // dorny's parser wants a time on every case and suite (NaN otherwise): KTAP has none, so 0.
    ["time", seconds(tc.time ?? 0)],
    ["file", tc.file],
    ["line", tc.file === void 0 ? void 0 : tc.line]
  ])}`;
  const r = tc.result;
  if (!r && !tc.systemOut) return void out.push(`${open2}/>`);
  out.push(`${open2}>`);
  if (r) {
    const el = `<${r.kind}${attrs([
      ["message", r.message],
      ["type", r.type]
    ])}`;
    out.push(`${pad2}  ${r.text ? `${el}>${body(r.text)}</${r.kind}>` : `${el}/>`}`);
  }
  if (tc.systemOut) out.push(`${pad2}  <system-out>${body(tc.systemOut)}</system-out>`);
  out.push(`${pad2}</testcase>`);
}
function renderSuite(suite, pad2, out) {
  const c3 = countSuite(suite);
  out.push(
    `${pad2}<testsuite${attrs([
      ["name", suite.name],
      ["timestamp", suite.timestamp],
      ["time", seconds(suite.time ?? 0)],
      ["tests", c3.tests],
      ["failures", c3.failures],
      ["errors", c3.errors],
      ["skipped", c3.skipped]
    ])}>`
  );
  if (suite.properties?.length) {
    out.push(`${pad2}  <properties>`);
    for (const [name, value] of suite.properties)
      out.push(
        `${pad2}    <property${attrs([
          ["name", name],
          ["value", value]
        ])}/>`
      );
    out.push(`${pad2}  </properties>`);
  }
  for (const tc of suite.cases) renderCase(tc, `${pad2}  `, out);
  out.push(`${pad2}</testsuite>`);
}
function renderJUnit(name, suites) {
  const total = countSuite({ name, cases: suites.flatMap((s) => s.cases) });
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs([
      ["name", name],
      ["tests", total.tests],
      ["failures", total.failures],
      ["errors", total.errors]
    ])}>`
  ];
  for (const suite of suites) renderSuite(suite, "  ", out);
  out.push("</testsuites>");
  return `${out.join("\n")}
`;
}

// src/run/console-parser.ts
var ConsoleParser = class {
  constructor(token) {
    this.token = token;
  }
  token;
  parseLine(text, line, atMs) {
    const said = parseGuestLine(text, this.token);
    if (said) return guestLineEvent(said, line, atMs, text);
    const kind = classifyKernelLine(stripPrintkPrefix(text).trimStart());
    return kind ? { kind, line, atMs, text } : void 0;
  }
};
function guestLineEvent(said, line, atMs, text) {
  switch (said.kind) {
    case "agent-error":
      return { kind: said.kind, line, atMs, text: said.reason };
    case "region":
      return { kind: said.kind, line, atMs, text, name: said.name, value: said.range };
    default: {
      const { kind, ...fields } = said;
      return { kind, line, atMs, text, ...fields };
    }
  }
}
function stripPrintkPrefix(text) {
  return text.replace(/^<\d>/, "").replace(/^\[\s*\d+\.\d+\](?:\[\s*[TC]\d+\])?\s?/, "");
}
var kernelPatterns = [
  ["panic", /^Kernel panic - not syncing/],
  // A page fault in the kernel: `BUG: kernel NULL pointer dereference` is its first line since 5.x.
  ["oops", /^Oops: |^general protection fault|^BUG: unable to handle|^BUG: kernel NULL pointer dereference|^Internal error: Oops/],
  ["kasan", /^BUG: KASAN: /],
  ["soft-lockup", /^(?:watchdog: )?BUG: soft lockup - CPU#\d+ stuck for /],
  ["bug", /^BUG: |^kernel BUG at /],
  ["ubsan", /^UBSAN: [a-z-]+ in /],
  ["hard-lockup", /Watchdog detected hard LOCKUP on cpu \d+/],
  ["hung-task", /^INFO: task .+:\d+ blocked for more than \d+ seconds\./],
  ["rcu-stall", /^rcu: INFO: \w+ (?:self-)?detected (?:expedited )?stalls? on CPU/],
  ["warning", /^WARNING: CPU: \d+ PID: \d+ at /],
  ["call-trace", /^Call Trace:$|^Call trace:$/],
  ["oom-kill", /^(?:Memory cgroup )?Out of memory: Killed process \d+ /],
  // A user-space crash the kernel reports (show_unhandled_signals, printed at KERN_INFO).
  ["segfault", /^\S+\[\d+\]: segfault at [0-9a-f]+ ip |^traps: \S+\[\d+\] (?:general protection fault|trap [a-z ]+) ip:/],
  ["fault-injection", /^FAULT_INJECTION: forcing a failure\./],
  // KTAP/TAP results that fail: SKIP is no failure, TODO and XFAIL are expected ones.
  ["ktap-failure", /^\s*not ok \d+\b(?!.*#\s*(?:SKIP|TODO|XFAIL)\b)/i]
];
function classifyKernelLine(text) {
  for (const [kind, pattern] of kernelPatterns) if (pattern.test(text)) return kind;
  return void 0;
}

// src/observe/problems.ts
var problemSeverity = {
  panic: 100,
  /** The guest agent could not run the test (an infrastructure problem). */
  "agent-error": 95,
  oops: 90,
  bug: 85,
  kasan: 80,
  ubsan: 75,
  "hard-lockup": 70,
  "soft-lockup": 65,
  "rcu-stall": 60,
  "hung-task": 55,
  /** A KTAP/TAP stream that ended early, lost its plan or bailed out (from the KTAP parser). */
  "ktap-error": 50,
  "ktap-failure": 45,
  warning: 40,
  "oom-kill": 30,
  segfault: 25,
  "fault-injection": 10
};
function isProblemKind(kind) {
  return Object.hasOwn(problemSeverity, kind);
}
function isProblemEvent(kind) {
  return isProblemKind(kind);
}
function bySeverity(a2, b) {
  return problemSeverity[b.kind] - problemSeverity[a2.kind] || a2.firstLine - b.firstLine;
}
var maxLineChars = 400;
function shorten(text, max = maxLineChars) {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}\u2026 (${text.length - max} more characters)`;
}

// src/observe/findings.ts
var sanitizerKinds = /* @__PURE__ */ new Set(["kasan", "ubsan"]);
function consoleFindings(events, ktap) {
  const expected = expectedBy(ktap);
  const endMarkers = kunitEndPanics(ktap);
  const out = [];
  for (const e of events) {
    if (!isProblemEvent(e.kind)) continue;
    if (sanitizerKinds.has(e.kind) && expected(e.line)) continue;
    if (e.kind === "panic" && endMarkers(e)) continue;
    out.push({ kind: e.kind, line: e.line, where: `console line ${e.line}`, text: shorten(stripPrintkPrefix(e.text).trim(), 300) });
  }
  for (const stream of ktap?.streams ?? []) {
    for (const error of stream.errors)
      out.push({ kind: "ktap-error", line: stream.lastLine, where: `${stream.source} line ${stream.lastLine}`, text: shorten(error, 300) });
  }
  return out.sort((a2, b) => bySeverity({ kind: a2.kind, firstLine: a2.line }, { kind: b.kind, firstLine: b.line }));
}
function topFinding(events, ktap) {
  return consoleFindings(events, ktap)[0];
}
function excerptBlocks(summary, ktap, maxKtapBlocks = 3) {
  const expected = expectedBy(ktap);
  const blocks = summary.blocks.filter((b) => !(sanitizerKinds.has(b.kind) && expected(b.firstLine)));
  if (ktap) {
    const bad = [];
    const visit = (t, path6, source) => {
      const here = [...path6, t.name];
      if (t.subtests.length) return t.subtests.forEach((c3) => visit(c3, here, source));
      if (bad.length >= maxKtapBlocks || t.status !== "fail" && t.status !== "crash") return;
      const what = t.status === "crash" ? "no result" : `not ok${t.directive ? ` # ${t.directive}` : ""}`;
      bad.push({
        kind: t.status === "crash" ? "ktap-error" : "ktap-failure",
        firstLine: t.firstLine,
        lines: [`KTAP ${here.join(".")}: ${what} (${source} line ${t.line})`, ...t.errors, ...t.diagnostics.slice(0, 20)].map((l) => shorten(l)),
        repeats: 0
      });
    };
    for (const stream of ktap.streams) stream.tests.forEach((t) => visit(t, [], stream.source));
    blocks.push(...bad);
  }
  return blocks.sort(bySeverity);
}
function expectedReportCounts(events, ktap) {
  const counts = /* @__PURE__ */ new Map();
  if (!ktap) return counts;
  const expected = expectedBy(ktap);
  for (const e of events) if (sanitizerKinds.has(e.kind) && expected(e.line)) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return counts;
}
function kunitEndPanics(ktap) {
  const streams = (ktap?.streams ?? []).filter((s) => s.source === "console");
  return (e) => {
    if (!/Kernel panic - not syncing: VFS:/.test(e.text)) return false;
    const before = streams.filter((s) => s.firstLine < e.line).at(-1);
    return before !== void 0 && before.endMarker !== void 0 && before.endMarker.line <= e.line && !before.truncated && before.status !== "crash";
  };
}
function expectedBy(ktap) {
  const spans = ktap ? passingSpans(ktap) : [];
  return (line) => spans.some(([first, last]) => line >= first && line <= last);
}
function passingSpans(ktap) {
  const spans = [];
  const visit = (t) => {
    if (t.subtests.length) return t.subtests.forEach(visit);
    if (!t.synthetic && (t.status === "pass" || t.status === "skip")) spans.push([t.firstLine, t.line]);
  };
  for (const stream of ktap.streams) if (stream.source === "console") stream.tests.forEach(visit);
  return spans;
}

// src/observe/summarize.ts
import { createReadStream } from "node:fs";

// src/core/line-stream.ts
var LineStream = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  pending = "";
  decoder = new TextDecoder("utf-8", { fatal: false });
  push(chunk) {
    this.pending += typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    let nl = this.pending.indexOf("\n");
    while (nl !== -1) {
      this.onLine(cleanLine(this.pending.slice(0, nl)));
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf("\n");
    }
  }
  end() {
    this.pending += this.decoder.decode();
    if (this.pending.length > 0) this.onLine(cleanLine(this.pending));
    this.pending = "";
  }
};
function cleanLine(raw) {
  const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  const cr = line.lastIndexOf("\r");
  return cr === -1 ? line : line.slice(cr + 1);
}

// src/observe/summarize.ts
var blockLines = 24;
var maxBlocks = 4;
var tailLines = 30;
var LogSummarizer = class {
  blocks = [];
  open;
  openRemaining = 0;
  problems = /* @__PURE__ */ new Map();
  tail = [];
  addLine(text, event) {
    const line = shorten(text);
    const kind = event && isProblemEvent(event.kind) ? event.kind : void 0;
    if (kind) this.count(kind, event.line, line);
    if (this.open && kind && problemSeverity[kind] > problemSeverity[this.open.kind]) this.close();
    if (this.open) {
      this.open.lines.push(line);
      if (--this.openRemaining === 0) this.close();
    } else if (kind) {
      this.open = { kind, firstLine: event.line, key: blockKey(line), lines: [line], repeats: 0 };
      this.openRemaining = blockLines - 1;
    }
    this.tail.push(line);
    if (this.tail.length > tailLines) this.tail.shift();
  }
  result() {
    if (this.open) this.close();
    const blocks = [...this.blocks].sort(bySeverity).map((b) => ({ kind: b.kind, firstLine: b.firstLine, lines: foldRepeats(b.lines), repeats: b.repeats }));
    return { highlights: flattenBlocks(blocks), tail: foldRepeats(this.tail), problems: [...this.problems.values()].sort(bySeverity), blocks };
  }
  count(kind, line, text) {
    const seen = this.problems.get(kind);
    if (seen) seen.count++;
    else this.problems.set(kind, { kind, count: 1, firstLine: line, text: stripPrintkPrefix(text).trim() });
  }
  /** Keeps the block unless it repeats one already kept, dropping the least severe when over budget. */
  close() {
    const block = this.open;
    this.open = void 0;
    this.openRemaining = 0;
    const same = this.blocks.find((b) => b.key === block.key);
    if (same) {
      same.repeats++;
      return;
    }
    this.blocks.push(block);
    if (this.blocks.length > maxBlocks) {
      const least = [...this.blocks].sort(bySeverity).at(-1);
      this.blocks.splice(this.blocks.indexOf(least), 1);
    }
  }
};
async function summarizeConsole(record2) {
  const problems = /* @__PURE__ */ new Map();
  for (const e of record2.events) if (e.line > 0 && isProblemEvent(e.kind) && !problems.has(e.line)) problems.set(e.line, e);
  const summarizer = new LogSummarizer();
  let line = 0;
  const lines = new LineStream((text) => summarizer.addLine(text, problems.get(++line)));
  for await (const chunk of createReadStream(record2.files.console)) lines.push(chunk);
  lines.end();
  return summarizer.result();
}
function flattenBlocks(blocks) {
  const lines = [];
  for (const block of blocks) {
    if (lines.length) lines.push("\u2026");
    lines.push(...block.lines);
    if (block.repeats) lines.push(`(the same report appeared ${block.repeats} more time${block.repeats === 1 ? "" : "s"})`);
  }
  return lines;
}
function blockKey(line) {
  return stripPrintkPrefix(line).replace(/\b(?:0x)?[0-9a-f]*\d[0-9a-f]*\b/gi, "#").trim();
}
function foldRepeats(lines) {
  const out = [];
  let i2 = 0;
  while (i2 < lines.length) {
    const text = stripPrintkPrefix(lines[i2]);
    let j = i2 + 1;
    while (j < lines.length && stripPrintkPrefix(lines[j]) === text) j++;
    out.push(lines[i2]);
    const extra = j - i2 - 1;
    if (extra > 0) out.push(`(previous line repeated ${extra} more time${extra === 1 ? "" : "s"})`);
    i2 = j;
  }
  return out;
}

// src/report/run-facts.ts
function firedText(run) {
  return run.ruleUse.map((u2) => {
    const calls = u2.calls === void 0 ? "" : `, ${u2.calls} call${u2.calls === 1 ? "" : "s"}`;
    const never = u2.consulted ? "" : u2.layer === "guest" ? " (never consulted)" : " (never fired)";
    return `${u2.rule} fired ${u2.fired}\xD7${calls}${never}`;
  });
}
function runFacts(run) {
  const rules = run.plan.canonicalRules;
  const fired = firedText(run);
  return [
    `seed: ${run.plan.seed}`,
    `rules: ${rules.length ? rules.join(" ") : "(none)"}`,
    ...fired.length ? [`fired: ${fired.join("; ")}`] : [],
    `reproduce: ${run.plan.reproducer}`,
    "or, on another machine: qfi reproduce <the results folder or its artifact zip> (reproducer.sh in it does this)"
  ].join("\n");
}
function excerptParts(run) {
  const ranked = flattenBlocks(excerptBlocks(run.summary, run.ktap)).filter((l) => !isProtocolLine(l));
  const shown = new Set(ranked);
  const tail = run.summary.tail.filter((l) => !isProtocolLine(l) && !shown.has(l));
  return { ranked, tail };
}
function failureReport(run) {
  const { ranked, tail } = excerptParts(run);
  const message = [toReportText(run.reason), "", runFacts(run), ...ranked.length ? ["", "--- worst problems on the console ---", ...ranked] : []].join("\n");
  const text = [
    ...tail.length ? ["--- last console lines ---", ...tail] : ["(no console lines beyond the excerpt)"],
    ...run.record.diagnostics?.registers ? ["", "--- registers at timeout ---", run.record.diagnostics.registers.trim()] : []
  ].join("\n");
  return { message: toReportText(message), text: toReportText(text) };
}

// src/report/junit.ts
var seconds2 = (ms) => ms === void 0 ? 0 : Math.round(ms) / 1e3;
function resultKind(verdict) {
  return verdict === "fail" ? "failure" : "error";
}
function properties(run) {
  const out = [];
  const prop = (name, value) => out.push([name, toXmlText(String(value))]);
  prop("qfi.verdict", run.verdict);
  prop("qfi.reason", toReportText(run.reason));
  for (const rule of run.plan.canonicalRules) prop("qfi.rule", rule);
  prop("qfi.seed", run.plan.seed);
  prop("qfi.reproducer", run.plan.reproducer);
  prop("qfi.qemu.version", run.provisioned.qemuVersion);
  prop("qfi.qemu.origin", run.provisioned.qemuOrigin);
  prop("qfi.qemu.accel", run.provisioned.accel);
  for (const plugin of run.provisioned.plugins) prop(`qfi.plugin.${plugin.role}`, [plugin.so, ...plugin.args].join(" "));
  prop("qfi.kernel", run.provisioned.kernelDescription);
  const guest = run.provisioned.guest;
  if (guest) {
    prop(
      "qfi.guest.kernel",
      `${guest.kernel.package} ${guest.kernel.version} (deb sha256 ${guest.kernel.debSha256}, ${guest.arch === "x86_64" ? "vmlinux" : "Image"} sha256 ${guest.kernelSha256})`
    );
    prop("qfi.guest.busybox", `${guest.busybox.package} ${guest.busybox.version} (deb sha256 ${guest.busybox.debSha256})`);
    prop("qfi.guest.initramfs", `sha256 ${guest.initrdSha256}`);
    prop("qfi.guest.pin", guest.pin);
  }
  if (run.injections) {
    prop("qfi.injections", run.injections.total);
    for (const r of run.injections.perRule) prop(`qfi.injections.${r.id}`, `${r.fires} \xD7 ${r.rule}`);
    if (run.injections.unattributed) prop("qfi.injections.unattributed", run.injections.unattributed);
  }
  if (run.record.commandExitCode !== void 0) prop("qfi.exit_code", run.record.commandExitCode);
  if (run.record.timedOut) prop("qfi.timed_out", run.record.timedOut);
  return out;
}
function toJUnit(run, opts = {}) {
  const names = junitNames(run.scenario);
  const sources = run.plan.sources;
  const at = (ref) => ref ? { file: ref.file, line: ref.line } : {};
  const commandAt = at(sources.command ?? sources.main);
  const firstRule = run.plan.canonicalRules.map((r) => sources.rules[r]).find((r) => r !== void 0);
  const bootAt = at(firstRule ?? sources.main);
  const facts = runFacts(run);
  const failed2 = run.verdict === "pass" ? void 0 : { kind: resultKind(run.verdict), type: run.verdict, ...failureReport(run) };
  const booted = guestCameUp(run);
  const started = run.record.events.some((e) => e.kind === "test-start");
  const boot = { name: names.caseName("boot"), classname: names.classname, time: seconds2(run.record.bootMs), ...bootAt, systemOut: facts };
  if (!booted && failed2) boot.result = failed2;
  const command = { name: names.caseName("command"), classname: names.classname, time: seconds2(run.record.testMs), ...commandAt, systemOut: facts };
  if (!booted && !started) command.result = { kind: "skipped", message: "the guest never came up, so the command never ran" };
  else if (failed2) command.result = failed2;
  const scenario = {
    name: run.scenario,
    classname: names.classname,
    time: seconds2(run.record.wallMs),
    ...firstRule ? at(firstRule) : commandAt,
    systemOut: facts,
    ...failed2 ? { result: failed2 } : {}
  };
  const suite = {
    name: names.suite,
    timestamp: run.record.startedAt,
    time: seconds2(run.record.wallMs),
    properties: properties(run),
    cases: opts.scenarioCase ? [scenario] : [boot, command]
  };
  const ktap = run.ktap ? ktapSuites(run.ktap, {
    scenario: run.scenario,
    location: (stream) => ktapCaseLocation(run, stream.source)
  }) : [];
  return renderJUnit("qfi", [suite, ...ktap]);
}
function ktapCaseLocation(run, source) {
  const sources = run.plan.sources;
  const ref = (source === "console" ? sources.command : sources.resultsFile ?? sources.command) ?? sources.main;
  return ref ? { file: ref.file, line: ref.line } : {};
}
function guestCameUp(run) {
  if (run.record.events.some((e) => e.kind === "agent-ready")) return true;
  if (run.plan.agent === "qfi") return false;
  if (run.verdict === "boot-timeout") return false;
  return run.record.consoleLines > 0 || run.verdict === "pass";
}

// src/report/reproduce-record.ts
import { copyFileSync, readFileSync as readFileSync2 } from "node:fs";
import { dirname as dirname4, isAbsolute as isAbsolute6, join as join4, relative as relative3, resolve as resolve7 } from "node:path";

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i2 = line - 1; i2 <= line + 1; i2++) {
    let l = lines[i2 - 1];
    if (!l)
      continue;
    codeblock += i2.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i2 === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c3 = ctx.s.charCodeAt(ctx.p++);
  let first = c3;
  let isLiteral = c3 === 39;
  let isMultiline = c3 === ctx.s.charCodeAt(ctx.p) && c3 === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c3 = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c3 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c3 = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c3 === 10 || c3 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c3 < 32 && c3 !== 9 || c3 === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c3 === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c3 === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c3 === 120 || c3 === 117 || c3 === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c3 === 120 ? 2 : c3 === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex3 = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex3 >= 48 && hex3 <= 57 ? hex3 - 48 : (
              /* A-F */
              hex3 >= 65 && hex3 <= 70 ? hex3 - 65 + 10 : (
                /* a-f */
                hex3 >= 97 && hex3 <= 102 ? hex3 - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c3 === 32 || c3 === 9)) {
        state = 2;
      } else {
        if (c3 === 98)
          parsed += "\b";
        else if (c3 === 116)
          parsed += "	";
        else if (c3 === 110)
          parsed += "\n";
        else if (c3 === 102)
          parsed += "\f";
        else if (c3 === 114)
          parsed += "\r";
        else if (c3 === 101)
          parsed += "\x1B";
        else if (c3 === 34)
          parsed += '"';
        else if (c3 === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c3 !== 32 && c3 !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c3 === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c3;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c3 = date.charCodeAt(date.length - 1)) !== 90 && c3 !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c3 = ctx.s.charCodeAt(ctx.p);
  if (c3 === 91 || c3 === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c3 === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c3 === 34 || c3 === 39) {
    return parseString(ctx);
  }
  if (c3 === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c3 === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c3 === 43 || c3 === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c3, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c3, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c3, end);
  }
  return parseNumber(ctx, ctx.p, c3, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c3 = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c3 === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c3 === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c3 === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c3 = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c3 === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c3 === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c3 === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c3 === 46)
      state = 2;
    else if (c3 === 101 || c3 === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c3))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c3 = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c3, endChr))) {
    if (!state)
      state = 1;
    if (c3 === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c3 === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c3 === 101 || c3 === 69))
      state = 4;
    else if (state === 4 && (c3 === 43 || c3 === 45)) {
      state = 6;
    } else if (!isDigit(c3))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c3, underscore = 1;
  while (++ctx.p < ctx.s.length && (c3 = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c3, endChr))) {
    if (c3 === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c3, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c3, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c3) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c3, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c3 = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c3 !== 84 && c3 !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c3 = ctx.s.charCodeAt(ctx.p)) {
    if (c3 === 90 || c3 === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c3 === 43 || c3 === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c3, endChr) {
  let start = ctx.p;
  if (!isDigit(c3) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c3, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c3 = ctx.s.charCodeAt(ctx.p);
    if (c3 === 10)
      break;
    if (c3 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c3 < 32 && c3 !== 9 || c3 === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c3;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c3 = ctx.s.charCodeAt(ctx.p)) === 32 || c3 === 9 || !banNewLines && (c3 === 10 || c3 === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c3 !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c3 = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c3 === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c3 === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c3 === 34 || c3 === 39)) {
      if (c3 === ctx.s.charCodeAt(ctx.p + 1) && c3 === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c3 === 32 || c3 === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c3 < 48 && c3 !== 45 || c3 > 57 && c3 < 65 || c3 > 90 && c3 < 97 && c3 !== 95 || c3 > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c3 = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c3;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c3 = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i2 = 0; i2 < key.length; i2++) {
      if (i2)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i2];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c3 = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c3 !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c3;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c3 = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c3 = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c3 !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i2 = 0; i2 < key.length; i2++) {
    if (i2) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i2];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i2 < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/config/resolve-config.ts
import { randomInt } from "node:crypto";
import { existsSync as existsSync6, statSync as statSync5 } from "node:fs";
import { basename, extname, isAbsolute as isAbsolute5, join as join3, relative as relative2, resolve as resolve6 } from "node:path";

// src/core/value-problem.ts
var ValueProblem = class extends Error {
  constructor(message, hint) {
    super(message);
    this.hint = hint;
    this.name = "ValueProblem";
  }
  hint;
};

// src/core/duration.ts
var MAX_DURATION_MS = 2 ** 31 - 1;
var DURATION_UNITS = [
  ["h", 36e5],
  ["m", 6e4],
  ["s", 1e3],
  ["ms", 1]
];
var DURATION_HINT = "write a whole number with a unit: `500ms`, `90s`, `10m`, `1h`, or combined largest unit first like `1m30s` (a bare number means seconds)";
function parseDuration(text) {
  const trimmed = text.trim();
  const bad = () => new ValueProblem(`bad duration ${JSON.stringify(text)}: units are ms, s, m, h`, DURATION_HINT);
  let ms;
  if (/^[0-9]+$/.test(trimmed)) ms = Number(trimmed) * 1e3;
  else {
    const parts = [...trimmed.matchAll(/([0-9]+)(ms|h|m|s)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join("") !== trimmed) throw bad();
    ms = 0;
    let lastUnit = -1;
    for (const [, digits, unit] of parts) {
      const index = DURATION_UNITS.findIndex(([u2]) => u2 === unit);
      if (index <= lastUnit) throw bad();
      lastUnit = index;
      ms += Number(digits) * (DURATION_UNITS[index]?.[1] ?? 0);
    }
  }
  return checkDurationRange(ms, text);
}
function durationFromSeconds(seconds5) {
  if (seconds5 > BigInt(MAX_DURATION_MS)) return checkDurationRange(Number.MAX_SAFE_INTEGER, String(seconds5));
  return checkDurationRange(Number(seconds5) * 1e3, String(seconds5));
}
function checkDurationRange(ms, text) {
  if (ms <= 0) throw new ValueProblem(`duration ${JSON.stringify(text)} must be longer than zero`, DURATION_HINT);
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) {
    throw new ValueProblem(`duration ${JSON.stringify(text)} is too long: at most 24 days`, "timeouts are for one run; pick something like `30m` or `2h`");
  }
  return ms;
}

// src/rules/print-rule.ts
function printAction(action) {
  switch (action.kind) {
    case "off":
    case "fail":
      return action.kind;
    case "drop-every":
    case "fail-after":
      return `${action.kind}:${action.n}`;
    case "rate":
      return `rate:${action.perMille}`;
    case "delay-ms":
      return `delay-ms:${action.ms}`;
  }
}
function printPoint(rule) {
  if (!rule.params) return rule.point;
  const params = Object.keys(rule.params).sort().map((k) => `${k}=${rule.params[k]}`);
  return `${rule.point}[${params.join(" ")}]`;
}
function printRule(rule) {
  return `${printPoint(rule)}=${printAction(rule.action)}`;
}

// src/rules/host-rules.ts
var BLOCK_POINTS = ["block.read", "block.write", "block.flush"];
var TIMED_POINTS = ["vm.pause", "vm.nmi", "vm.reset", "net.link"];
var HOST_POINTS = [...BLOCK_POINTS, ...TIMED_POINTS];
function isHostRule(rule) {
  return !rule.guest && HOST_POINTS.includes(rule.point);
}
function isBlockRule(rule) {
  return BLOCK_POINTS.includes(rule.point);
}
var ERRNO = {
  EPERM: 1,
  EIO: 5,
  ENXIO: 6,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EBUSY: 16,
  EINVAL: 22,
  EFBIG: 27,
  ENOSPC: 28,
  EROFS: 30,
  ENODATA: 61,
  ETIMEDOUT: 110,
  EREMOTEIO: 121,
  EDQUOT: 122
};
var MAX_SECTOR_RANGE = 4096;
var WINDOW_PARAMS = ["from", "after", "on", "for"];
var spec = {
  "block.read": { params: ["disk", "errno", "sectors", "once"], example: "block.read[disk=data errno=EIO]=fail-after:3" },
  "block.write": { params: ["disk", "errno", "sectors", "once"], example: "block.write[disk=data errno=ENOSPC]=drop-every:4" },
  "block.flush": { params: ["disk", "errno", "once"], example: "block.flush[disk=data]=fail" },
  "vm.pause": { params: ["duration"], example: "vm.pause[on=written duration=2s]=fail" },
  "vm.nmi": { params: [], example: "vm.nmi[after=3s]=fail" },
  "vm.reset": { params: [], example: "vm.reset[on=committed]=fail" },
  "net.link": { params: ["duration"], example: "net.link[after=2s duration=3s]=fail" }
};
var TIMED_ACTIONS_HINT = "timed faults take fail (once when the window opens), drop-every:N (every N seconds), fail-after:N (every second after the first N), rate:N (each second with probability N/1000, from the seed) or off";
function durationProblem(value) {
  try {
    parseDuration(value);
    return void 0;
  } catch (err) {
    return err.message;
  }
}
var checks = {
  disk: (v) => /^[a-z][a-z0-9_-]{0,19}$/.test(v) ? void 0 : `disk must be a disk id (lowercase letters, digits, \`_\`, \`-\`, at most 20), found "${v}"`,
  errno: (v) => ERRNO[v] !== void 0 ? void 0 : `unknown errno "${v}", expected one of ${Object.keys(ERRNO).join(", ")}`,
  sectors: (v) => {
    const range = parseSectorRange(v);
    if (!range) return `sectors must be a sector number or a range like 0-7 (512-byte sectors, inclusive), found "${v}"`;
    if (range[1] < range[0]) return `sector range ${v} ends before it starts`;
    if (range[1] - range[0] + 1 > MAX_SECTOR_RANGE) return `sector range ${v} is wider than ${MAX_SECTOR_RANGE} sectors (blkdebug needs one rule per sector)`;
    return void 0;
  },
  once: (v) => v === "true" || v === "false" ? void 0 : `once must be true or false, found "${v}"`,
  from: (v) => v === "boot" || v === "test" ? void 0 : `from must be boot or test, found "${v}"`,
  after: durationProblem,
  for: durationProblem,
  duration: durationProblem,
  on: (v) => isMarkerName(v) ? void 0 : `on must be a marker name (the guest prints QFI-MARKER:NAME), found "${v}"`
};
function parseSectorRange(v) {
  const m = /^([0-9]{1,15})(?:-([0-9]{1,15}))?$/.exec(v);
  if (!m) return void 0;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}
var HOST_NAMESPACES = ["block.", "vm."];
var GUEST_OWN_HINT = "a point of the guest's own runtime with this name belongs in the guest's rules file (rules-file), which qfi hands to the guest unchanged";
function checkHostRule(rule) {
  if (!isHostRule(rule)) {
    if (rule.guest || !HOST_NAMESPACES.some((ns2) => rule.point.startsWith(ns2))) return void 0;
    const ns = rule.point.slice(0, rule.point.indexOf(".") + 1);
    const known2 = HOST_POINTS.filter((p) => p.startsWith(ns));
    return {
      param: void 0,
      message: `unknown host point \`${rule.point}\`: ${ns}* points are carried out by QEMU (${known2.join(", ")})`,
      hint: GUEST_OWN_HINT
    };
  }
  const point = rule.point;
  const { params: own, example } = spec[point];
  const known = [...own, ...WINDOW_PARAMS];
  const params = rule.params ?? {};
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      return { param: key, onKey: true, message: `${point} has no parameter \`${key}\``, hint: `${point} takes ${known.join(", ")}; e.g. ${example}` };
    }
    const problem = checks[key]?.(params[key]);
    if (problem) return { param: key, message: problem, hint: `e.g. ${example}` };
  }
  if (rule.action.kind === "delay-ms") {
    return {
      param: void 0,
      onAction: true,
      message: isBlockRule(rule) ? "block delays need a per-request delay in blkdebug (`delay-ns`), which no QEMU release has (checked: QEMU 10.2.2's QAPI schema)" : `delay-ms has no meaning for ${point}`,
      hint: isBlockRule(rule) ? "to stall the guest, use vm.pause[duration=2s]=fail; to fail requests, use fail, fail-after:N, drop-every:N or rate:N" : TIMED_ACTIONS_HINT
    };
  }
  if (params.once === "true" && params.sectors !== void 0) {
    return {
      param: "once",
      message: 'once with sectors= is not supported: blkdebug counts every request of the disk, so "the first failure" cannot be told apart from "the first request"',
      hint: "drop once (every request touching the range fails), or drop sectors= (the first failing request of the disk is the only one)"
    };
  }
  return void 0;
}
function compileHostRules(rules) {
  const out = [];
  for (const rule of rules) {
    if (!isHostRule(rule) || rule.action.kind === "off" || rule.action.kind === "delay-ms") continue;
    const p = rule.params ?? {};
    const id = `h${out.length + 1}`;
    const window = {
      from: p.from === "boot" ? "boot" : "test",
      afterMs: p.after ? parseDuration(p.after) : 0,
      on: p.on,
      forMs: p.for ? parseDuration(p.for) : void 0
    };
    const action = rule.action;
    if (isBlockRule(rule)) {
      const errnoName2 = p.errno ?? "EIO";
      out.push({
        layer: "block",
        id,
        text: printRule(rule),
        op: rule.point.slice("block.".length),
        disk: p.disk,
        errno: ERRNO[errnoName2],
        errnoName: errnoName2,
        sectors: p.sectors ? parseSectorRange(p.sectors) : void 0,
        once: p.once === "true",
        action,
        window
      });
    } else {
      out.push({
        layer: rule.point.startsWith("net.") ? "net" : "vm",
        id,
        text: printRule(rule),
        point: rule.point,
        durationMs: p.duration ? parseDuration(p.duration) : 1e3,
        action,
        window
      });
    }
  }
  return out;
}
function errnoName(errno) {
  return Object.entries(ERRNO).find(([, n2]) => n2 === errno)?.[0] ?? `errno ${errno}`;
}

// src/rules/plugin-rules.ts
var PLUGIN_POINTS = ["mem.flip", "mem.write", "reg.flip", "reg.set", "insn.skip"];
function isPluginRule(rule) {
  return !rule.guest && PLUGIN_POINTS.includes(rule.point);
}
var HEX = /^0x[0-9a-fA-F]{1,16}$/;
var DEC = /^[1-9][0-9]{0,18}$/;
var TRIGGER = new RegExp(String.raw`^(insn:[1-9][0-9]{0,18}|pc:0x[0-9a-fA-F]{1,16}(#[1-9][0-9]{0,9})?|marker:${MARKER_NAME_SOURCE}\+insn:[0-9]{1,19})$`);
var RANGE = /^0x[0-9a-fA-F]{1,16}-0x[0-9a-fA-F]{1,16}$/;
var MARKER_ADDR = new RegExp(`^marker:(${MARKER_NAME_SOURCE})$`);
var TRIGGER_HINT = "at= takes insn:N (just before the N-th instruction), pc:0xADDR or pc:0xADDR#K (K-th execution), or marker:NAME+insn:N";
var checks2 = {
  at: (v) => TRIGGER.test(v) ? void 0 : `bad trigger "${v}"`,
  addr: (v) => HEX.test(v) || MARKER_ADDR.test(v) ? void 0 : `addr must be a hex guest-physical address like 0x100000, or marker:NAME (the address the guest prints as QFI-MARKER:NAME=0x...), found "${v}"`,
  mask: (v) => HEX.test(v) && !/^0x0+$/.test(v) ? void 0 : `mask must be a non-zero hex bit mask like 0x8, found "${v}"`,
  value: (v) => HEX.test(v) ? void 0 : `value must be hex like 0x2a, found "${v}"`,
  width: (v) => ["1", "2", "4", "8"].includes(v) ? void 0 : `width must be 1, 2, 4 or 8 bytes, found "${v}"`,
  reg: (v) => /^[a-z][a-z0-9_]{0,15}$/.test(v) ? void 0 : `reg must be a register name like rax or x0, found "${v}"`,
  bytes: (v) => /^([0-9a-fA-F]{2}){1,64}$/.test(v) ? void 0 : `bytes must be 1 to 64 bytes of hex like deadbeef, found "${v}"`,
  ranges: (v) => v === "ram" || v.split(";").every((r) => RANGE.test(r) && rangeOk(r)) ? void 0 : `ranges must be ram or 0xSTART-0xEND joined by ;, found "${v}"`,
  count: (v) => DEC.test(v) ? void 0 : `count must be a positive whole number, found "${v}"`,
  cpu: (v) => /^[0-9]{1,3}$/.test(v) ? void 0 : `cpu must be a vCPU index, found "${v}"`,
  period: (v) => DEC.test(v) ? void 0 : `period must be a positive number of instructions, found "${v}"`
};
function rangeOk(range) {
  const [a2, b] = range.split("-").map((x) => BigInt(x));
  return a2 < b;
}
var common = ["at", "count", "cpu", "period"];
var allowed = {
  "mem.flip": { required: [], optional: ["addr", "ranges", "mask", "width"], example: "mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail" },
  "mem.write": { required: ["addr", "bytes"], optional: [], example: "mem.write[addr=0x2000 bytes=deadbeef at=insn:1000]=fail" },
  "reg.flip": { required: ["reg"], optional: ["mask"], example: "reg.flip[reg=rbx mask=0x1 at=pc:0x401000]=fail" },
  "reg.set": { required: ["reg", "value"], optional: [], example: "reg.set[reg=rax value=0x2a at=pc:0x100030#1]=fail" },
  "insn.skip": { required: [], optional: [], example: "insn.skip[at=pc:0x401000]=fail" }
};
function checkPluginRule(rule) {
  if (!isPluginRule(rule)) return void 0;
  const spec2 = allowed[rule.point];
  const params = rule.params ?? {};
  const known = [...spec2.required, ...spec2.optional, ...common];
  for (const key of Object.keys(params)) {
    if (!known.includes(key)) {
      return {
        param: key,
        onKey: true,
        message: `${rule.point} has no parameter \`${key}\``,
        hint: `${rule.point} takes ${known.join(", ")}; e.g. ${spec2.example}`
      };
    }
    const problem = checks2[key]?.(params[key]);
    if (problem) return { param: key, message: problem, hint: key === "at" ? TRIGGER_HINT : `e.g. ${spec2.example}` };
  }
  for (const key of ["at", ...spec2.required]) {
    if (params[key] === void 0) return { param: void 0, message: `${rule.point} needs \`${key}=\``, hint: `e.g. ${spec2.example}` };
  }
  if (params.addr !== void 0 && params.ranges !== void 0) {
    return { param: "ranges", message: "give either addr (one address) or ranges (a random address inside), not both", hint: `e.g. ${spec2.example}` };
  }
  const addrMarker = MARKER_ADDR.exec(params.addr ?? "")?.[1];
  if (addrMarker !== void 0 && !params.at.startsWith(`marker:${addrMarker}+insn:`)) {
    return {
      param: "at",
      message: `an address from marker ${addrMarker} is known only once the guest prints it, so at= must be marker:${addrMarker}+insn:N`,
      hint: `e.g. mem.flip[addr=marker:${addrMarker} mask=0x1 at=marker:${addrMarker}+insn:1000]=fail`
    };
  }
  if (params.mask !== void 0 && rule.point === "mem.flip") {
    const bytes = params.addr === void 0 ? 1 : Number(params.width ?? "1");
    if (BigInt(params.mask) >> BigInt(8 * bytes) !== 0n) {
      return {
        param: "mask",
        message: `mask ${params.mask} is wider than the ${bytes} byte${bytes === 1 ? "" : "s"} it flips`,
        hint: params.addr === void 0 ? "a random flip hits one byte: use a mask up to 0xff" : "raise width= (1, 2, 4 or 8 bytes) or narrow the mask"
      };
    }
  }
  if (params.width !== void 0 && params.addr === void 0) {
    return { param: "width", message: "width goes with addr; a random flip touches one byte", hint: `e.g. ${spec2.example}` };
  }
  const action = rule.action.kind;
  if (action === "fail-after" || action === "delay-ms") {
    return {
      param: void 0,
      onAction: true,
      message: `${action} has no meaning for ${rule.point}`,
      hint: "plugin rules take fail (once), drop-every:N (again every N instructions), rate:N (N per 1000 at each period= instructions, default 1000000) or off"
    };
  }
  if (params.period !== void 0 && action !== "rate") {
    return { param: "period", message: "period only goes with rate:N", hint: "drop-every:N already says how many instructions apart the fires are" };
  }
  return void 0;
}
function q35RamRanges(memBytes) {
  const lowMax = 0xb0000000n;
  const low = memBytes <= lowMax ? memBytes : 0x80000000n;
  const ranges = [
    [0n, 0xa0000n],
    [0x100000n, low]
  ];
  if (memBytes > low) ranges.push([0x100000000n, 0x100000000n + (memBytes - low)]);
  return ranges;
}
function repeatOf(action, period) {
  switch (action.kind) {
    case "fail":
      return "once";
    case "drop-every":
      return `every:${action.n}`;
    case "rate":
      return `rate:${action.perMille}:${period ?? "1000000"}`;
    default:
      return void 0;
  }
}
function resolveWaitingRule(rule, address) {
  return rule.line.replace(" addr=@ ", ` addr=${address} `);
}
function pluginActionOf(point, p, ram) {
  switch (point) {
    case "mem.flip": {
      if (p.addr) return { action: "flip-ram", args: [`addr=${p.addr}`, ...p.width ? [`width=${p.width}`] : [], `mask=${p.mask ?? "0x1"}`] };
      const ranges = p.ranges && p.ranges !== "ram" ? p.ranges : ram.map(([a2, b]) => `0x${a2.toString(16)}-0x${b.toString(16)}`).join(";");
      return { action: "flip-ram-random", args: [`ranges=${ranges}`, ...p.mask ? [`mask=${p.mask}`] : []] };
    }
    case "mem.write":
      return { action: "write-ram", args: [`addr=${p.addr}`, `bytes=${p.bytes}`] };
    case "reg.flip":
      return { action: "flip-reg", args: [`reg=${p.reg}`, `mask=${p.mask ?? "0x1"}`] };
    case "reg.set":
      return { action: "set-reg", args: [`reg=${p.reg}`, `value=${p.value}`] };
    case "insn.skip":
      return { action: "skip", args: [] };
  }
}
function compilePluginRules(rules, ram) {
  const out = [];
  for (const rule of rules) {
    if (!isPluginRule(rule) || rule.action.kind === "off") continue;
    const p = rule.params ?? {};
    const id = `r${out.length + 1}`;
    const { action, args } = pluginActionOf(rule.point, p, ram);
    const tokens = [`id=${id}`, `action=${action}`, ...args];
    const waitsFor = MARKER_ADDR.exec(p.addr ?? "")?.[1];
    const trigger = waitsFor !== void 0 ? `insn:+${p.at.slice(p.at.indexOf("+insn:") + "+insn:".length)}` : p.at;
    tokens.push(`trigger=${trigger}`, `repeat=${repeatOf(rule.action, p.period)}`);
    if (p.count) tokens.push(`count=${p.count}`);
    if (p.cpu) tokens.push(`cpu=${p.cpu}`);
    const line = waitsFor !== void 0 ? tokens.join(" ").replace(` addr=${p.addr} `, " addr=@ ") : tokens.join(" ");
    out.push({ id, action, rule: printRule(rule), line, ...waitsFor !== void 0 ? { waitsFor } : {} });
  }
  return out;
}

// src/rules/text-position.ts
function locationInText(base, text, offset) {
  const start = base?.column ?? 1;
  return {
    ...base,
    column: start + offset,
    sourceLine: base?.sourceLine ?? " ".repeat(Math.max(0, start - 1)) + text
  };
}
function describeAt(text, offset, endName) {
  const code = text.codePointAt(offset);
  if (code === void 0) return endName;
  if (code === 32) return "a space";
  if (code === 9) return "a tab";
  if (code > 32 && code < 127) return `\`${String.fromCodePoint(code)}\``;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

// src/rules/parse-rule.ts
var ACTION_KINDS = ["off", "fail", "drop-every", "fail-after", "rate", "delay-ms"];
var RULE_COUNT_MAX = 4294967295;
var RULE_GRAMMAR_HINT = "a rule is point=action, e.g. alloc.frame=fail-after:3; point: names of letters, digits, `_` and `-` (each starting with a letter or `_`) joined by `.`; action: off | fail | drop-every:N (N >= 1) | fail-after:N | rate:N (N per 1000, 0..1000) | delay-ms:N; N is an unsigned decimal up to 4294967295";
var COUNTED = {
  "drop-every": {
    min: 1,
    max: RULE_COUNT_MAX,
    range: `drop-every fails every Nth call, expected N in 1..${RULE_COUNT_MAX}`,
    make: (n2) => ({ kind: "drop-every", n: n2 })
  },
  "fail-after": {
    min: 0,
    max: RULE_COUNT_MAX,
    range: `N out of range, expected 0..${RULE_COUNT_MAX}`,
    make: (n2) => ({ kind: "fail-after", n: n2 })
  },
  rate: { min: 0, max: 1e3, range: "rate is per 1000, expected 0..1000", make: (n2) => ({ kind: "rate", perMille: n2 }) },
  "delay-ms": {
    min: 0,
    max: RULE_COUNT_MAX,
    range: `N out of range, expected 0..${RULE_COUNT_MAX}`,
    make: (n2) => ({ kind: "delay-ms", ms: n2 })
  }
};
var isWs = (c3) => c3 === " " || c3 === "	";
var isDigit2 = (c3) => c3 !== void 0 && c3 >= "0" && c3 <= "9";
var isNameStart = (c3) => c3 !== void 0 && /^[A-Za-z_]$/.test(c3);
var isNameChar = (c3) => c3 !== void 0 && /^[A-Za-z0-9_-]$/.test(c3);
var isParamValueChar = (c3) => c3 !== void 0 && /^[A-Za-z0-9_.:#+;/-]$/.test(c3);
var PARAMS_HINT = "parameters go in brackets after the point, separated by spaces: mem.flip[addr=0x100000 mask=0x8 at=insn:5000000]=fail";
var isActionKind = (s) => ACTION_KINDS.includes(s);
function parseRule(text, origin = {}, opts = {}) {
  const scan = new RuleScanner(text, origin);
  scan.skipWs();
  if (scan.atEnd()) scan.fail(scan.i, "empty rule, expected point=action");
  if (text[scan.i] === "=") scan.fail(scan.i, "empty point, expected a point name like alloc.frame before `=`");
  const point = readPoint(scan);
  const params = text[scan.i] === "[" ? readParams(scan) : void 0;
  const eqEnd = readEquals(scan, point.name, params?.end ?? point.end);
  const { kind, nameStart } = readActionName(scan, eqEnd);
  const action = readActionCount(scan, kind);
  scan.skipWs();
  if (!scan.atEnd()) scan.fail(scan.i, `unexpected ${scan.found(scan.i)} after \`${point.name}=${printAction(action)}\`, expected end of rule`);
  const rule = params ? { point: point.name, params: params.values, action } : { point: point.name, action };
  if (opts.guestOwn) return { ...rule, guest: true };
  const problem = checkPluginRule(rule) ?? checkHostRule(rule);
  if (problem) {
    const offset = problem.param !== void 0 ? (problem.onKey ? params?.keyAt : params?.valueAt)?.[problem.param] ?? point.start : problem.onAction ? nameStart : point.start;
    scan.fail(offset, problem.message, problem.hint);
  }
  return rule;
}
var RuleScanner = class {
  constructor(text, origin) {
    this.text = text;
    this.origin = origin;
  }
  text;
  origin;
  i = 0;
  atEnd() {
    return this.i === this.text.length;
  }
  found(at) {
    return describeAt(this.text, at, "end of rule");
  }
  fail(offset, what, hint = RULE_GRAMMAR_HINT) {
    throw new ConfigError(`bad rule ${JSON.stringify(this.text.replace(/^[ \t]+|[ \t]+$/g, ""))}: ${what}`, {
      hint,
      location: locationInText(this.origin, this.text, offset)
    });
  }
  /** At the end of the text the caret goes right after the last token, where the missing part belongs. */
  here(tokenEnd) {
    return this.atEnd() ? tokenEnd : this.i;
  }
  skipWs() {
    while (isWs(this.text[this.i])) this.i++;
  }
};
function readPoint(scan) {
  const { text } = scan;
  const start = scan.i;
  for (; ; ) {
    if (!isNameStart(text[scan.i])) {
      scan.fail(
        scan.i,
        scan.i === start ? `expected a point name starting with a letter or \`_\`, found ${scan.found(scan.i)}` : `expected a name (starting with a letter or \`_\`) after \`.\`, found ${scan.found(scan.i)}`
      );
    }
    while (isNameChar(text[scan.i])) scan.i++;
    if (text[scan.i] !== ".") break;
    scan.i++;
  }
  return { name: text.slice(start, scan.i), start, end: scan.i };
}
function readParams(scan) {
  const { text } = scan;
  const read = { values: {}, valueAt: {}, keyAt: {}, end: 0 };
  scan.i++;
  for (; ; ) {
    scan.skipWs();
    if (text[scan.i] === "]") {
      if (Object.keys(read.values).length === 0) scan.fail(scan.i, "empty parameter list `[]`, expected key=value inside the brackets or no brackets");
      scan.i++;
      break;
    }
    if (scan.atEnd()) scan.fail(scan.i, "missing `]` to close the parameter list");
    readParam(scan, read);
  }
  read.end = scan.i;
  return read;
}
function readParam(scan, read) {
  const { text } = scan;
  const keyStart = scan.i;
  if (!/^[a-z]$/.test(text[scan.i] ?? "")) scan.fail(scan.i, `expected a parameter name (a lowercase letter first), found ${scan.found(scan.i)}`, PARAMS_HINT);
  while (/^[a-z0-9_-]$/.test(text[scan.i] ?? "")) scan.i++;
  const key = text.slice(keyStart, scan.i);
  if (text[scan.i] !== "=") scan.fail(scan.i, `expected \`=\` after parameter \`${key}\`, found ${scan.found(scan.i)}`, PARAMS_HINT);
  scan.i++;
  const valueStart = scan.i;
  while (isParamValueChar(text[scan.i])) scan.i++;
  if (scan.i === valueStart) scan.fail(scan.i, `expected a value for parameter \`${key}\`, found ${scan.found(scan.i)}`, PARAMS_HINT);
  if (Object.hasOwn(read.values, key)) scan.fail(keyStart, `parameter \`${key}\` is given twice`, PARAMS_HINT);
  read.values[key] = text.slice(valueStart, scan.i);
  read.valueAt[key] = valueStart;
  read.keyAt[key] = keyStart;
  if (scan.atEnd()) scan.fail(scan.i, "missing `]` to close the parameter list");
  if (!isWs(text[scan.i]) && text[scan.i] !== "]")
    scan.fail(scan.i, `unexpected ${scan.found(scan.i)} in the value of \`${key}\`, expected a space or \`]\``, PARAMS_HINT);
}
function readEquals(scan, point, pointEnd) {
  scan.skipWs();
  if (scan.atEnd()) scan.fail(pointEnd, `missing \`=\` after point \`${point}\`, expected point=action`);
  if (scan.text[scan.i] !== "=") {
    scan.fail(
      scan.i,
      scan.i === pointEnd ? `unexpected ${scan.found(scan.i)} in point name, expected letters, digits, \`_\`, \`-\`, \`.\` or \`=\`` : `expected \`=\` after point \`${point}\`, found ${scan.found(scan.i)}`
    );
  }
  scan.i++;
  return scan.i;
}
function readActionName(scan, eqEnd) {
  scan.skipWs();
  const nameStart = scan.i;
  while (isNameChar(scan.text[scan.i])) scan.i++;
  const name = scan.text.slice(nameStart, scan.i);
  if (name === "") scan.fail(scan.here(eqEnd), `expected an action (${ACTION_KINDS.join(", ")}), found ${scan.found(scan.i)}`);
  if (!isActionKind(name)) {
    const guess = closestActionKind(name);
    scan.fail(
      nameStart,
      `unknown action \`${name}\`, expected one of ${ACTION_KINDS.join(", ")}`,
      guess === void 0 ? RULE_GRAMMAR_HINT : `did you mean \`${guess}\`? ${RULE_GRAMMAR_HINT}`
    );
  }
  return { kind: name, nameStart };
}
function readActionCount(scan, kind) {
  const { text } = scan;
  const nameEnd = scan.i;
  scan.skipWs();
  if (kind === "off" || kind === "fail") {
    if (text[scan.i] === ":") scan.fail(scan.i, `\`${kind}\` takes no \`:N\`, expected end of rule`);
    return { kind };
  }
  const spec2 = COUNTED[kind];
  if (text[scan.i] !== ":")
    scan.fail(scan.here(nameEnd), `expected \`:N\` after \`${kind}\` (e.g. ${kind}:${Math.max(spec2.min, 1)}), found ${scan.found(scan.i)}`);
  scan.i++;
  const colonEnd = scan.i;
  scan.skipWs();
  const numStart = scan.i;
  while (isDigit2(text[scan.i])) scan.i++;
  if (scan.i === numStart) scan.fail(scan.here(colonEnd), `expected an unsigned decimal number after \`${kind}:\`, found ${scan.found(scan.i)}`);
  const digits = text.slice(numStart, scan.i).replace(/^0+(?=\d)/, "");
  const n2 = digits.length > 10 ? Infinity : Number(digits);
  if (n2 < spec2.min || n2 > spec2.max) scan.fail(numStart, spec2.range);
  return spec2.make(n2);
}
function parseRuleLines(text, origin = {}) {
  const rules = [];
  const firstLine = origin.line ?? 1;
  text.split("\n").forEach((raw, index) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (/^[ \t]*(#|$)/.test(line)) return;
    const lineOrigin = index === 0 ? { ...origin, line: firstLine } : { ...origin, line: firstLine + index, column: 1, sourceLine: void 0 };
    rules.push(parseRule(line, lineOrigin));
  });
  return rules;
}
function closestActionKind(word) {
  const lower = word.toLowerCase().replace(/_/g, "-");
  let best;
  let bestDistance = Infinity;
  for (const kind of ACTION_KINDS) {
    const d = kind.startsWith(lower) && lower.length >= 3 ? 0 : editDistance2(lower, kind);
    if (d < bestDistance && d <= Math.max(1, Math.floor(kind.length / 3))) {
      best = kind;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance2(a2, b) {
  const d = Array.from({ length: a2.length + 1 }, (_, r) => Array.from({ length: b.length + 1 }, (_2, c3) => r === 0 ? c3 : c3 === 0 ? r : 0));
  const at = (r, c3) => d[r]?.[c3] ?? Infinity;
  for (let r = 1; r <= a2.length; r++) {
    for (let c3 = 1; c3 <= b.length; c3++) {
      const cost = a2[r - 1] === b[c3 - 1] ? 0 : 1;
      let v = Math.min(at(r - 1, c3) + 1, at(r, c3 - 1) + 1, at(r - 1, c3 - 1) + cost);
      if (r > 1 && c3 > 1 && a2[r - 1] === b[c3 - 2] && a2[r - 2] === b[c3 - 1]) v = Math.min(v, at(r - 2, c3 - 2) + 1);
      d[r][c3] = v;
    }
  }
  return at(a2.length, b.length);
}

// src/rules/rule-set.ts
function mergeRules(groups2) {
  const byPoint = /* @__PURE__ */ new Map();
  for (const group of groups2) {
    for (const rule of group) {
      const copy = { point: rule.point, action: { ...rule.action } };
      if (rule.params) copy.params = { ...rule.params };
      if (rule.guest) copy.guest = true;
      byPoint.set(printPoint(rule), copy);
    }
  }
  return [...byPoint.values()];
}
function canonicalRulesText(rules) {
  return rules.length === 0 ? "" : rules.map(printRule).join("\n") + "\n";
}

// src/rules/fw-cfg-name.ts
var FW_CFG_NAME_MAX_BYTES = 55;
var HINT = `use a name like ${DEFAULT_RULES_FW_CFG_NAME}: it must start with \`opt/\` (QEMU reserves other names), be at most ${FW_CFG_NAME_MAX_BYTES} bytes of printable ASCII without \`,\`, and have no empty or trailing \`/\` segments`;
function validateFwCfgName(name, location) {
  const fail = (offset, what) => {
    throw new ConfigError(`bad fw_cfg name ${JSON.stringify(name)}: ${what}`, {
      hint: HINT,
      location: locationInText(location, name, offset)
    });
  };
  for (let i2 = 0; i2 < name.length; i2++) {
    const code = name.charCodeAt(i2);
    if (code < 32 || code > 126) fail(i2, `${describeAt(name, i2, "")} is not printable ASCII`);
    if (code === 44) fail(i2, "`,` is not allowed: QEMU's option parser would split the name there");
  }
  if (!name.startsWith("opt/")) fail(0, "expected a name starting with `opt/`");
  const empty = name.indexOf("//");
  if (empty >= 0) fail(empty + 1, "empty path segment, expected a name between the `/`s");
  if (name.endsWith("/")) fail(name.length - 1, "trailing `/`, expected a file name after it");
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > FW_CFG_NAME_MAX_BYTES) fail(FW_CFG_NAME_MAX_BYTES, `${bytes} bytes long, expected at most ${FW_CFG_NAME_MAX_BYTES}`);
  return name;
}

// src/config/check-schema.ts
import { dirname as dirname2 } from "node:path";

// src/config/convert-value.ts
import { existsSync as existsSync4, statSync as statSync4 } from "node:fs";
import { isAbsolute as isAbsolute3, resolve as resolve4 } from "node:path";

// src/config/disk-spec.ts
import { existsSync as existsSync2, statSync as statSync2 } from "node:fs";
import { isAbsolute, resolve as resolve2 } from "node:path";

// src/config/parse-values.ts
function parseBool(text) {
  const lower = text.trim().toLowerCase();
  if (lower === "true" || lower === "yes" || lower === "1") return true;
  if (lower === "false" || lower === "no" || lower === "0") return false;
  throw new ValueProblem(`expected true or false, got ${JSON.stringify(text)}`, "write `true` or `false` (`yes`/`no` and `1`/`0` also work)");
}
function parseDecimalInt(text, min, max) {
  const trimmed = text.trim();
  if (!/^-?[0-9]+$/.test(trimmed)) {
    throw new ValueProblem(`expected a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`, "write decimal digits only, like `42`");
  }
  return checkIntRange(BigInt(trimmed), min, max);
}
function checkIntRange(value, min, max) {
  if (value < BigInt(min) || value > BigInt(max)) {
    throw new ValueProblem(`${value} is out of range: expected ${min} to ${max}`, `pick a whole number from ${min} to ${max}`);
  }
  return Number(value);
}
var MEMORY_UNITS_MIB = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };
var MIN_MEMORY_MIB = 64;
function checkMemory(text) {
  const trimmed = text.trim();
  const match = /^([1-9][0-9]*)([KMGT]?)$/.exec(trimmed);
  if (!match) {
    throw new ValueProblem(
      `bad memory size ${JSON.stringify(text)}`,
      "write a number with an optional unit K, M, G or T, like `256M` or `1G` (a bare number is MiB)"
    );
  }
  const mib = Number(match[1]) * (MEMORY_UNITS_MIB[match[2] || "M"] ?? 1);
  if (mib < MIN_MEMORY_MIB) {
    throw new ValueProblem(`memory ${trimmed} is too small: at least 64M`, "the built-in guest needs at least `64M`; `256M` is the default");
  }
  return trimmed;
}
var NAME = /^[A-Za-z0-9._-]{1,64}$/;
function checkScenarioName(text) {
  if (!NAME.test(text)) {
    throw new ValueProblem(
      `bad name ${JSON.stringify(text)}: it names artifacts and JUnit suites`,
      "use 1 to 64 letters, digits, `.`, `_` or `-`, like `alloc-smoke`"
    );
  }
  return text;
}
function scenarioNameFrom(base) {
  const cleaned = base.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 64);
  return cleaned === "" ? "qfi" : cleaned;
}
function checkArtifactName(text) {
  const bad = /["':<>|*?\r\n\\/]/.exec(text);
  if (bad || text.trim() === "") {
    throw new ValueProblem(
      bad ? `artifact name ${JSON.stringify(text)} contains ${JSON.stringify(bad[0])}, which GitHub does not allow` : "artifact name is empty",
      'leave out " : < > | * ? \\ / and line breaks, like `qfi-alloc-smoke`'
    );
  }
  return text;
}

// src/config/key-value-words.ts
function splitWords(line, what, hint) {
  const pairs = [];
  let i2 = 0;
  while (i2 < line.length) {
    while (line[i2] === " " || line[i2] === "	") i2++;
    if (i2 >= line.length) break;
    const keyMatch = /^([a-z][a-z-]*)=/.exec(line.slice(i2));
    if (!keyMatch) throw new ValueProblem(`bad ${what} ${JSON.stringify(line)}: expected key=value at ${JSON.stringify(line.slice(i2, i2 + 12))}`, hint);
    i2 += keyMatch[0].length;
    let value;
    if (line[i2] === '"') {
      const end = /^"(?:[^"\\]|\\.)*"/.exec(line.slice(i2));
      if (!end) throw new ValueProblem(`bad ${what} ${JSON.stringify(line)}: unterminated quoted value of \`${keyMatch[1]}\``, hint);
      value = JSON.parse(end[0]);
      i2 += end[0].length;
    } else {
      const start = i2;
      while (i2 < line.length && line[i2] !== " " && line[i2] !== "	") i2++;
      value = line.slice(start, i2);
    }
    pairs.push([keyMatch[1], value]);
  }
  return pairs;
}

// src/config/disk-spec.ts
var KEYS = ["id", "path", "size", "format", "read-only", "boot", "snapshot"];
var DISK_HINT = "write a disk as `id=data size=64M` (a new empty disk) or `id=data path=disk.img` (an image), with optional `format=raw|qcow2`, `read-only=true`, `boot=true` and `snapshot=true`";
var DISK_ID = /^[a-z][a-z0-9_-]{0,19}$/;
var SIZE_UNITS = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };
function parseDiskSize(text) {
  const m = /^([1-9][0-9]*)([KMGT]?)$/.exec(text);
  const bytes = m ? Number(m[1]) * (m[2] ? SIZE_UNITS[m[2]] : 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes % 512 !== 0) {
    throw new ValueProblem(
      `bad disk size ${JSON.stringify(text)}`,
      "write a size like `64M` or `1G` (K, M, G, T are powers of 1024; a bare number is bytes, a multiple of 512)"
    );
  }
  return bytes;
}
function diskFromPairs(pairs, index, baseDir) {
  const seen = /* @__PURE__ */ new Map();
  for (const [key, value] of pairs) {
    if (!KEYS.includes(key)) throw new ValueProblem(`unknown disk key \`${key}\``, `disk keys are ${KEYS.join(", ")}; ${DISK_HINT}`);
    if (seen.has(key)) throw new ValueProblem(`disk key \`${key}\` is given twice`, DISK_HINT);
    seen.set(key, value);
  }
  const id = seen.get("id") ?? `disk${index}`;
  if (!DISK_ID.test(id))
    throw new ValueProblem(
      `bad disk id ${JSON.stringify(id)}`,
      "a disk id is 1 to 20 lowercase letters, digits, `_` or `-`, starting with a letter (it becomes the virtio serial)"
    );
  const pathText = seen.get("path");
  const sizeText = seen.get("size");
  if (pathText === void 0 === (sizeText === void 0)) {
    throw new ValueProblem(`disk ${id}: give either path= (an existing image) or size= (a new empty disk)`, DISK_HINT);
  }
  let path6;
  if (pathText !== void 0) {
    path6 = isAbsolute(pathText) ? pathText : resolve2(baseDir, pathText);
    if (!existsSync2(path6) || !statSync2(path6).isFile())
      throw new ValueProblem(
        `disk ${id}: image ${JSON.stringify(pathText)} does not exist or is not a file (${path6})`,
        "give the path of an existing raw or qcow2 image, or size= for a new one"
      );
  }
  const formatText = seen.get("format") ?? (path6?.endsWith(".qcow2") ? "qcow2" : "raw");
  if (formatText !== "raw" && formatText !== "qcow2")
    throw new ValueProblem(`disk ${id}: unknown format ${JSON.stringify(formatText)}`, "format is raw or qcow2");
  const readOnly = seen.has("read-only") ? parseBool(seen.get("read-only")) : false;
  if (readOnly && sizeText !== void 0)
    throw new ValueProblem(
      `disk ${id}: a new empty disk that is read-only can only be read as zeros`,
      "drop read-only=true, or give path= of an image to read"
    );
  const boot = seen.has("boot") ? parseBool(seen.get("boot")) : false;
  if (boot && path6 === void 0)
    throw new ValueProblem(
      `disk ${id}: boot=true needs an image to boot (path=), not a new empty disk`,
      "give path= of a bootable disk image, like a distribution's cloud image"
    );
  const snapshot = seen.has("snapshot") ? parseBool(seen.get("snapshot")) : boot && !readOnly;
  if (snapshot && path6 === void 0)
    throw new ValueProblem(
      `disk ${id}: snapshot=true protects an image from the guest's writes, but a new empty disk has none`,
      "drop snapshot=true (a size= disk is created for the run and removed after it)"
    );
  if (snapshot && readOnly)
    throw new ValueProblem(`disk ${id}: snapshot=true and read-only=true together`, "read-only=true already keeps the image unchanged; drop one");
  return { id, path: path6, sizeBytes: sizeText === void 0 ? void 0 : parseDiskSize(sizeText), format: formatText, readOnly, boot, snapshot };
}
function printDiskLine(disk) {
  const words = [`id=${disk.id}`];
  if (disk.path !== void 0) words.push(`path=${JSON.stringify(disk.path)}`);
  if (disk.sizeBytes !== void 0) words.push(`size=${disk.sizeBytes}`);
  words.push(`format=${disk.format}`);
  if (disk.readOnly) words.push("read-only=true");
  if (disk.boot) words.push("boot=true");
  if (disk.snapshot !== (disk.boot && !disk.readOnly)) words.push(`snapshot=${disk.snapshot}`);
  return words.join(" ");
}
function diskFromLine(line, index, baseDir) {
  return diskFromPairs(splitWords(line, "disk", DISK_HINT), index, baseDir);
}
function diskFromTable(table, index, baseDir) {
  const pairs = Object.entries(table).map(([key, value]) => {
    if (typeof value === "string") return [key, value];
    if (typeof value === "bigint" || typeof value === "boolean") return [key, String(value)];
    throw new ValueProblem(
      `disk key \`${key}\` must be a string${["read-only", "boot", "snapshot"].includes(key) ? " or a boolean" : key === "size" ? " or an integer (bytes)" : ""}`,
      DISK_HINT
    );
  });
  return diskFromPairs(pairs, index, baseDir);
}

// src/config/file-spec.ts
import { existsSync as existsSync3, statSync as statSync3 } from "node:fs";
import { isAbsolute as isAbsolute2, resolve as resolve3 } from "node:path";

// src/config/guest-values.ts
import { posix } from "node:path";
function checkQemuOptionWord(text, what, examples2) {
  const value = text.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(,[A-Za-z0-9._+-]+(=[A-Za-z0-9._+:-]+)?)*$/.test(value)) {
    throw new ValueProblem(`bad ${what} ${JSON.stringify(text)}`, `give a QEMU ${what} name with optional ,key=value options, like ${examples2}`);
  }
  return value;
}
function checkRtcBase(text) {
  const value = text.trim();
  if (value === "utc" || value === "localtime") return value;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
  const date = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))) : void 0;
  const same = date && m && date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3] && date.getUTCHours() === +(m[4] ?? 0) && date.getUTCMinutes() === +(m[5] ?? 0) && date.getUTCSeconds() === +(m[6] ?? 0);
  if (!same || +m[1] < 1970) {
    throw new ValueProblem(
      `bad rtc-base ${JSON.stringify(text)}`,
      "give `utc`, `localtime`, or a date from 1970 on as `2024-01-01` or `2024-01-01T08:00:00` (UTC)"
    );
  }
  return value;
}
function checkGuestFilePath(text, what, example) {
  if (!text.startsWith("/"))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} is not an absolute guest path`, `write the file's path in the guest, like \`${example}\``);
  if (/[\x00-\x1f]/.test(text))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} contains a control character`, `write a plain path, like \`${example}\``);
  const path6 = posix.normalize(text);
  if (path6 === "/" || text.endsWith("/"))
    throw new ValueProblem(`${what} ${JSON.stringify(text)} names a folder, not a file`, `give the file's full guest path, like \`${example}\``);
  return path6;
}
function checkMarkerRegex(text) {
  if (text.trim() === "") throw new ValueProblem("the marker is empty", "give a regular expression a console line matches, like `ALL TESTS PASSED`");
  try {
    return new RegExp(text);
  } catch (err) {
    throw new ValueProblem(
      `bad regular expression ${JSON.stringify(text)}: ${err.message.replace(/^Invalid regular expression: /, "")}`,
      "write it in JavaScript syntax; escape `( ) [ ] . * + ? \\ ^ $ |` with a backslash to match them literally"
    );
  }
}
function parseExitCodes(text) {
  const codes = /* @__PURE__ */ new Set();
  for (const part of text.split(",")) {
    const m = /^\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*$/.exec(part);
    const low = m ? Number(m[1]) : NaN;
    const high = m?.[2] !== void 0 ? Number(m[2]) : low;
    if (!m || low > 255 || high > 255 || high < low) {
      throw new ValueProblem(
        `bad exit code list ${JSON.stringify(text)} at ${JSON.stringify(part.trim())}`,
        "write codes 0 to 255 and ranges, separated by commas: `0`, `0,3`, `0-1`"
      );
    }
    for (let c3 = low; c3 <= high; c3++) codes.add(c3);
  }
  return [...codes].sort((a2, b) => a2 - b);
}

// src/config/file-spec.ts
var KEYS2 = ["path", "dest", "mode"];
var MAX_GUEST_FILE_BYTES = 256 * 1024 * 1024;
var FILE_HINT = "write a file as `path=build/mytest dest=/usr/bin/mytest`, with optional `mode=0755`";
var MOUNTED = ["/proc", "/sys", "/dev", "/tmp", "/run"];
function fileFromPairs(pairs, baseDir) {
  const seen = /* @__PURE__ */ new Map();
  for (const [key, value] of pairs) {
    if (!KEYS2.includes(key)) throw new ValueProblem(`unknown file key \`${key}\``, `file keys are ${KEYS2.join(", ")}; ${FILE_HINT}`);
    if (seen.has(key)) throw new ValueProblem(`file key \`${key}\` is given twice`, FILE_HINT);
    seen.set(key, value);
  }
  const pathText = seen.get("path");
  const destText = seen.get("dest");
  if (pathText === void 0 || destText === void 0) throw new ValueProblem(`a file needs both path= (on the host) and dest= (in the guest)`, FILE_HINT);
  const path6 = isAbsolute2(pathText) ? pathText : resolve3(baseDir, pathText);
  if (!existsSync3(path6) || !statSync3(path6).isFile()) {
    throw new ValueProblem(
      `file ${JSON.stringify(pathText)} does not exist or is not a regular file (${path6})`,
      "give the path of a file on the host, relative to the workspace or absolute"
    );
  }
  const size = statSync3(path6).size;
  if (size > MAX_GUEST_FILE_BYTES) {
    throw new ValueProblem(
      `file ${JSON.stringify(pathText)} is ${formatBytes(size)}; a file copied into the guest may be at most ${formatBytes(MAX_GUEST_FILE_BYTES)} (${path6})`,
      "put large data on a disk image (`disks`) instead: the built-in guest unpacks its files into RAM"
    );
  }
  const dest = checkGuestFilePath(destText, "dest", "/usr/bin/mytest");
  const under = MOUNTED.find((m) => dest === m || dest.startsWith(`${m}/`));
  if (under)
    throw new ValueProblem(
      `dest ${dest} is under ${under}, which the agent mounts over at boot`,
      "put the file under /usr, /opt, /root or /etc; the command can copy it to /tmp"
    );
  if (dest === "/init" || dest.startsWith("/etc/qfi/") || dest === "/usr/bin/qfi-fault" || dest === "/usr/bin/qfi-marker") {
    throw new ValueProblem(`dest ${dest} would replace part of qfi's agent`, "choose another guest path");
  }
  const modeText = seen.get("mode");
  let mode;
  if (modeText !== void 0) {
    if (!/^0?[0-7]{3,4}$/.test(modeText))
      throw new ValueProblem(`bad file mode ${JSON.stringify(modeText)}`, "write permission bits in octal, like `mode=0755` or `mode=644`");
    mode = parseInt(modeText, 8);
  }
  return { path: path6, dest, mode };
}
function printFileLine(file) {
  const words = [`path=${JSON.stringify(file.path)}`, `dest=${JSON.stringify(file.dest)}`];
  if (file.mode !== void 0) words.push(`mode=0${file.mode.toString(8)}`);
  return words.join(" ");
}
function fileFromLine(line, baseDir) {
  return fileFromPairs(splitWords(line, "file", FILE_HINT), baseDir);
}
function fileFromTable(table, baseDir) {
  const pairs = Object.entries(table).map(([key, value]) => {
    if (typeof value === "string") return [key, value];
    throw new ValueProblem(`file key \`${key}\` must be a string`, FILE_HINT);
  });
  return fileFromPairs(pairs, baseDir);
}

// src/config/point-spec.ts
var POINT_HINT = "write a point as `storage.read` or `block.read[disk=data]`, optionally followed by its actions: `storage.read actions=fail,fail-after:2`";
function ruleFor(point, action) {
  try {
    return parseRule(`${point}=${action}`);
  } catch (err) {
    if (err instanceof QfiError) throw new ValueProblem(err.message, err.hint);
    throw err;
  }
}
function splitPointLine(line) {
  let depth = 0;
  for (let i2 = 0; i2 < line.length; i2++) {
    const c3 = line[i2];
    if (c3 === "[") depth++;
    else if (c3 === "]") depth--;
    else if ((c3 === " " || c3 === "	") && depth === 0) return { point: line.slice(0, i2), rest: line.slice(i2 + 1).trim() };
  }
  return { point: line, rest: "" };
}
function pointFrom(pointText, actions) {
  if (pointText.trim() === "") throw new ValueProblem("empty point", POINT_HINT);
  const rule = ruleFor(pointText.trim(), actions?.[0] ?? "fail");
  const point = printPoint(rule);
  if (actions !== void 0 && actions.length === 0) throw new ValueProblem(`point ${point}: actions= names no action`, POINT_HINT);
  const canonical = actions?.map((a2) => printAction(ruleFor(point, a2).action));
  return { point, actions: canonical };
}
function printPointLine(spec2) {
  return spec2.actions ? `${spec2.point} actions=${spec2.actions.join(",")}` : spec2.point;
}
function pointFromTable(table) {
  for (const key of Object.keys(table)) {
    if (key !== "name" && key !== "actions")
      throw new ValueProblem(`unknown point key \`${key}\``, "a [[fault_injection.points]] table has `name` and, optionally, `actions` (a list of strings)");
  }
  const { name, actions } = table;
  if (typeof name !== "string") throw new ValueProblem('a point needs `name`, a string such as "storage.read"', POINT_HINT);
  if (actions !== void 0 && (!Array.isArray(actions) || actions.some((a2) => typeof a2 !== "string"))) {
    throw new ValueProblem('`actions` must be a list of strings, like ["fail", "fail-after:2"]', POINT_HINT);
  }
  return pointFrom(name, actions);
}
function parsePointLine(line) {
  const { point, rest } = splitPointLine(line.trim());
  if (rest === "") return pointFrom(point, void 0);
  const m = /^actions\s*=\s*(.*)$/.exec(rest);
  if (!m) throw new ValueProblem(`bad point line ${JSON.stringify(line)}: expected \`actions=...\` after the point, found ${JSON.stringify(rest)}`, POINT_HINT);
  return pointFrom(
    point,
    m[1].split(",").map((a2) => a2.trim())
  );
}

// src/config/toml-positions.ts
var BARE_KEY = /^[A-Za-z0-9_-]+$/;
function tomlPath(segments) {
  let out = "";
  for (const seg of segments) {
    if (typeof seg === "number") out += `[${seg}]`;
    else {
      const key = BARE_KEY.test(seg) ? seg : JSON.stringify(seg);
      out += out === "" ? key : `.${key}`;
    }
  }
  return out;
}
function parseDottedKey(text) {
  const scanner = new Scanner(text);
  scanner.skipSpaces();
  const segments = scanner.readKey().map((seg) => seg.name);
  scanner.skipSpaces();
  if (!scanner.atEnd()) throw new Error(`unexpected ${JSON.stringify(text[scanner.offset])} at column ${scanner.offset + 1}`);
  return segments;
}
function scanTomlPositions(source) {
  const scanner = new Scanner(source);
  scanner.scanDocument();
  return scanner.entries;
}
var Scanner = class {
  constructor(src) {
    this.src = src;
    for (let i2 = 0; i2 < src.length; i2++) if (src[i2] === "\n") this.lineStarts.push(i2 + 1);
  }
  src;
  offset = 0;
  entries = /* @__PURE__ */ new Map();
  /** Paths recorded only because a longer key or header implied them; an explicit definition replaces them. */
  implicit = /* @__PURE__ */ new Set();
  /** Element counts of arrays of tables, by resolved path. */
  tableArrays = /* @__PURE__ */ new Map();
  lineStarts = [0];
  atEnd() {
    return this.offset >= this.src.length;
  }
  scanDocument() {
    let table = [];
    while (!this.atEnd()) {
      this.skipSpaces();
      const c3 = this.src[this.offset];
      if (c3 === void 0) break;
      if (c3 === "#") this.skipComment();
      else if (c3 === "\n" || c3 === "\r") this.offset++;
      else if (c3 === "[") table = this.readHeader();
      else this.readKeyValue(table);
    }
  }
  skipSpaces() {
    while (this.src[this.offset] === " " || this.src[this.offset] === "	") this.offset++;
  }
  /** Spaces, newlines and comments: what may sit between array items. */
  skipBlank() {
    for (; ; ) {
      const c3 = this.src[this.offset];
      if (c3 === " " || c3 === "	" || c3 === "\n" || c3 === "\r") this.offset++;
      else if (c3 === "#") this.skipComment();
      else return;
    }
  }
  skipComment() {
    while (!this.atEnd() && this.src[this.offset] !== "\n") this.offset++;
  }
  position(offset) {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0) + 1 };
  }
  record(path6, entry, implicit) {
    const key = tomlPath(path6);
    if (this.entries.has(key)) {
      if (implicit || !this.implicit.has(key)) return;
    }
    this.entries.set(key, entry);
    if (implicit) this.implicit.add(key);
    else this.implicit.delete(key);
  }
  /** `[a.b]` or `[[a.b]]`; returns the table path that following key/values belong to. */
  readHeader() {
    const open2 = this.offset;
    const isArray = this.src[open2 + 1] === "[";
    this.offset += isArray ? 2 : 1;
    this.skipSpaces();
    const key = this.readKey();
    this.skipSpaces();
    this.offset += isArray ? 2 : 1;
    const path6 = [];
    key.forEach((seg, i2) => {
      path6.push(seg.name);
      const last = i2 === key.length - 1;
      const keyPos = this.position(seg.offset);
      if (last && isArray) {
        const resolved = tomlPath(path6);
        const index = this.tableArrays.get(resolved) ?? 0;
        this.tableArrays.set(resolved, index + 1);
        this.record(path6.slice(), { key: keyPos, value: this.position(open2) }, true);
        path6.push(index);
        this.record(path6.slice(), { key: keyPos, value: this.position(open2) }, false);
        return;
      }
      this.record(path6.slice(), { key: keyPos, value: last ? this.position(open2) : keyPos }, !last);
      const count2 = this.tableArrays.get(tomlPath(path6));
      if (!last && count2 !== void 0) path6.push(count2 - 1);
    });
    return path6;
  }
  readKeyValue(table) {
    const key = this.readKey();
    this.skipSpaces();
    this.offset++;
    this.skipSpaces();
    const path6 = [...table];
    key.forEach((seg, i2) => {
      path6.push(seg.name);
      const keyPos = this.position(seg.offset);
      if (i2 < key.length - 1) this.record(path6.slice(), { key: keyPos, value: keyPos }, true);
    });
    const lastSeg = key[key.length - 1];
    this.readValue(path6, lastSeg === void 0 ? void 0 : this.position(lastSeg.offset));
  }
  /** A dotted key: segments separated by `.` with optional spaces around the dots. */
  readKey() {
    const segments = [this.readKeySegment()];
    for (; ; ) {
      const save = this.offset;
      this.skipSpaces();
      if (this.src[this.offset] !== ".") {
        this.offset = save;
        return segments;
      }
      this.offset++;
      this.skipSpaces();
      segments.push(this.readKeySegment());
    }
  }
  readKeySegment() {
    const start = this.offset;
    const c3 = this.src[start];
    if (c3 === '"') return { name: this.readBasicString(), offset: start };
    if (c3 === "'") {
      const end = this.src.indexOf("'", start + 1);
      if (end < 0) throw new Error(`unterminated quoted key at column ${start + 1}`);
      this.offset = end + 1;
      return { name: this.src.slice(start + 1, end), offset: start };
    }
    while (/[A-Za-z0-9_-]/.test(this.src[this.offset] ?? "")) this.offset++;
    if (this.offset === start) throw new Error(`expected a key at column ${start + 1}`);
    return { name: this.src.slice(start, this.offset), offset: start };
  }
  /** A single-line basic string at the cursor, unescaped (keys need their real names). */
  readBasicString() {
    const start = this.offset;
    let out = "";
    this.offset++;
    for (; ; ) {
      const c3 = this.src[this.offset];
      if (c3 === void 0 || c3 === "\n") throw new Error(`unterminated quoted key at column ${start + 1}`);
      this.offset++;
      if (c3 === '"') return out;
      if (c3 !== "\\") {
        out += c3;
        continue;
      }
      const e = this.src[this.offset++] ?? "";
      const simple = { b: "\b", t: "	", n: "\n", f: "\f", r: "\r", e: "\x1B", '"': '"', "\\": "\\" };
      const mapped = simple[e];
      if (mapped !== void 0) out += mapped;
      else {
        const len = e === "u" ? 4 : e === "U" ? 8 : e === "x" ? 2 : 0;
        out += String.fromCodePoint(parseInt(this.src.slice(this.offset, this.offset + len), 16));
        this.offset += len;
      }
    }
  }
  readValue(path6, keyPos) {
    const start = this.offset;
    const value = this.position(start);
    const c3 = this.src[start];
    if (c3 === '"' || c3 === "'") {
      const content = this.skipString(c3);
      this.record(path6, { key: keyPos, value, content: this.position(content) }, false);
    } else if (c3 === "[") {
      this.record(path6, { key: keyPos, value }, false);
      this.offset++;
      for (let index = 0; ; index++) {
        this.skipBlank();
        if (this.src[this.offset] === "]" || this.atEnd()) break;
        this.readValue([...path6, index], void 0);
        this.skipBlank();
        if (this.src[this.offset] === ",") this.offset++;
      }
      this.offset++;
    } else if (c3 === "{") {
      this.record(path6, { key: keyPos, value }, false);
      this.offset++;
      for (; ; ) {
        this.skipBlank();
        if (this.src[this.offset] === "}" || this.atEnd()) break;
        this.readKeyValue(path6);
        this.skipBlank();
        if (this.src[this.offset] === ",") this.offset++;
      }
      this.offset++;
    } else {
      while (!this.atEnd() && !/[,\]}#\n\r]/.test(this.src[this.offset] ?? "")) this.offset++;
      this.record(path6, { key: keyPos, value }, false);
    }
  }
  /** Skips a string of any kind at the cursor; returns the offset of its first content character. */
  skipString(quote) {
    const triple = this.src.startsWith(quote.repeat(3), this.offset);
    if (!triple) {
      this.offset++;
      const content2 = this.offset;
      while (!this.atEnd() && this.src[this.offset] !== quote) this.offset += quote === '"' && this.src[this.offset] === "\\" ? 2 : 1;
      this.offset++;
      return content2;
    }
    this.offset += 3;
    if (this.src.startsWith("\r\n", this.offset)) this.offset += 2;
    else if (this.src[this.offset] === "\n") this.offset++;
    const content = this.offset;
    for (; ; ) {
      if (this.atEnd()) return content;
      if (quote === '"' && this.src[this.offset] === "\\") {
        this.offset += 2;
        continue;
      }
      if (this.src.startsWith(quote.repeat(3), this.offset)) {
        let run = 0;
        while (this.src[this.offset + run] === quote && run < 5) run++;
        this.offset += run;
        return content;
      }
      this.offset++;
    }
  }
};

// src/config/region-spec.ts
var BUILTIN_REGIONS = ["ram", "registers", ...KERNEL_REGIONS];
var REGION_HINT = `a region is one of ${BUILTIN_REGIONS.join(", ")}, or your own guest-physical ranges: \`dma-buffers=0x8000000-0x8100000\` (end exclusive, several joined by ;)`;
var NAME2 = /^[a-z][a-z0-9-]{0,31}$/;
var RANGE2 = /^0x([0-9a-fA-F]{1,16})-0x([0-9a-fA-F]{1,16})$/;
function defaultRegions(builtinGuest) {
  return (builtinGuest ? ["kernel-code", "kernel-data", "ram", "registers"] : ["ram", "registers"]).map((name) => ({ name }));
}
function parseRegionLine(line) {
  const text = line.trim();
  const eq = text.indexOf("=");
  if (eq === -1) {
    if (BUILTIN_REGIONS.includes(text)) return { name: text };
    throw new ValueProblem(`unknown region ${JSON.stringify(text)}`, REGION_HINT);
  }
  const name = text.slice(0, eq).trim();
  if (!NAME2.test(name))
    throw new ValueProblem(`bad region name ${JSON.stringify(name)}`, "region names are lower-case letters, digits and -, up to 32, starting with a letter");
  if (BUILTIN_REGIONS.includes(name))
    throw new ValueProblem(`region ${name} is built in and takes no ranges`, `write just \`${name}\`, or give your ranges another name`);
  const ranges = text.slice(eq + 1).split(";").map((r) => r.trim());
  for (const r of ranges) {
    const m = RANGE2.exec(r);
    if (!m || BigInt(`0x${m[1]}`) >= BigInt(`0x${m[2]}`)) throw new ValueProblem(`bad range ${JSON.stringify(r)} in region ${name}`, REGION_HINT);
  }
  return { name, ranges: ranges.join(";") };
}
function printRegionLine(spec2) {
  return spec2.ranges === void 0 ? spec2.name : `${spec2.name}=${spec2.ranges}`;
}

// src/config/shard.ts
function parseShard(text) {
  const m = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = Number(m?.[1]);
  const count2 = Number(m?.[2]);
  if (!m || index < 1 || count2 < 1 || index > count2) {
    throw new ValueProblem(
      `bad shard ${JSON.stringify(text)}`,
      "write the shard as i/N with 1 <= i <= N, like `2/5` (a plan's matrix entries carry it: `shard: ${{ matrix.shard }}`)"
    );
  }
  return { index, count: count2 };
}
function printShard(shard) {
  return `${shard.index}/${shard.count}`;
}

// src/config/snapshot-point.ts
var HINT2 = "write `start` (the test command is about to run), a marker name the test reaches with `qfi-marker NAME` ([A-Za-z0-9_.-], up to 32), or `time:2s` (that long after the test started)";
function parseSnapshotAt(text) {
  const at = text.trim();
  if (at === "start") return { kind: "start" };
  if (at.startsWith("time:")) return { kind: "time", ms: parseDuration(at.slice("time:".length)) };
  if (isMarkerName(at)) return { kind: "marker", name: at };
  throw new ValueProblem(`bad snapshot-at ${JSON.stringify(text)}`, HINT2);
}
function printSnapshotPoint(point) {
  if (point.kind === "start") return "start";
  if (point.kind === "marker") return point.name;
  return `time:${point.ms % 1e3 === 0 ? `${point.ms / 1e3}s` : `${point.ms}ms`}`;
}
function describeSnapshotPoint(point) {
  if (point.kind === "start") return "the test start";
  if (point.kind === "marker") return `marker ${point.name}`;
  return `${point.ms / 1e3} s after the test start`;
}
function resumeLineFor(point) {
  if (point.kind === "start") return GO_LINE;
  if (point.kind === "marker") return ackLine(point.name);
  return void 0;
}

// src/config/convert-value.ts
function valueFromInput(spec2, raw, site) {
  if (spec2.type === "lines") return checkSetting(spec2, inputLines(raw), site);
  const text = (typeof raw === "string" ? raw : raw[raw.length - 1] ?? "").trim();
  let value;
  try {
    switch (spec2.type) {
      case "bool":
        value = parseBool(text);
        break;
      case "int":
        value = parseDecimalInt(text, spec2.min ?? 0, spec2.max ?? Number.MAX_SAFE_INTEGER);
        break;
      case "duration":
        value = parseDuration(text);
        break;
      case "enum":
        value = checkEnum(spec2, text);
        break;
      case "string":
      case "path":
        value = text;
        break;
    }
  } catch (err) {
    throw located(err, site.where);
  }
  return checkSetting(spec2, value, site);
}
function inputLines(raw) {
  const items = typeof raw === "string" ? [raw] : raw;
  return items.flatMap((item) => item.split("\n")).map((line) => line.trim()).filter((line) => line !== "");
}
function valueFromToml(spec2, key, raw, site) {
  const wrongType = () => new ConfigError(`${key} must be ${TOML_TYPE_NAMES[spec2.type]}, found ${describeTomlValue(raw)}`, {
    location: site.where,
    hint: `write it like \`${key.split(".").pop()} = ${tomlExample(spec2)}\``
  });
  let value;
  try {
    switch (spec2.type) {
      case "bool":
        if (typeof raw !== "boolean") throw wrongType();
        value = raw;
        break;
      case "int":
        if (typeof raw !== "bigint") throw wrongType();
        value = checkIntRange(raw, spec2.min ?? 0, spec2.max ?? Number.MAX_SAFE_INTEGER);
        break;
      case "duration":
        if (typeof raw === "bigint") value = durationFromSeconds(raw);
        else if (typeof raw === "string") value = parseDuration(raw);
        else throw wrongType();
        break;
      case "enum":
        if (typeof raw !== "string") throw wrongType();
        value = checkEnum(spec2, raw);
        break;
      case "lines":
        if (!Array.isArray(raw)) throw wrongType();
        value = raw.map((item, index) => {
          if (typeof item === "string") return item;
          const fromTable = TABLE_ITEMS[spec2.name];
          if (fromTable && isTomlTable(item)) {
            try {
              return fromTable(item, index, site.baseDir);
            } catch (err) {
              throw located(err, site.element?.(index) ?? site.where, `${key}[${index}]`);
            }
          }
          throw new ConfigError(`${key}[${index}] must be a string, found ${describeTomlValue(item)}`, {
            location: site.element?.(index) ?? site.where,
            hint: `quote each item: \`${key.split(".").pop()} = ${tomlExample(spec2)}\``
          });
        });
        break;
      case "string":
      case "path":
        if (spec2.name === "memory" && typeof raw === "bigint") value = String(raw);
        else if (typeof raw !== "string") throw wrongType();
        else value = raw;
        break;
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw located(err, site.where, key);
  }
  return checkSetting(spec2, value, site, key);
}
var TABLE_ITEMS = {
  points: (table) => pointFromTable(table),
  files: (table, _index, baseDir) => fileFromTable(table, baseDir),
  disks: diskFromTable
};
function checkSetting(spec2, value, site, key) {
  const name = spec2.name;
  if (Array.isArray(value)) return value.map((item, index) => typeof item === "string" ? checkListItem(name, item, index, site, key) : item);
  if (typeof value !== "string") return value;
  try {
    switch (name) {
      case "command":
        if (value.trim() === "") {
          throw new ValueProblem("the test command is empty", "give the shell command to run in the guest, like `make check`");
        }
        return value;
      case "memory":
        return checkMemory(value);
      case "name":
        return checkScenarioName(value);
      case "artifact-name":
        return checkArtifactName(value);
      case "rules-fw-cfg-name":
        return validateFwCfgName(value, site.content ?? site.where);
      case "rules-table":
        return checkTablePath(value);
      case "qemu":
        return ["auto", "build", "system"].includes(value) ? value : existingPath(value, site.baseDir, "any", "QEMU");
      case "qemu-version":
        return checkQemuVersion(value);
      case "qemu-sha256":
        return checkSha256(value);
      case "qemu-source":
        return existingPath(value, site.baseDir, "any", "QEMU source");
      case "plugin":
        return checkPluginPath(existingPath(value, site.baseDir, "file", "plugin"));
      case "kernel":
        return existingPath(value, site.baseDir, "file", "kernel");
      case "initrd":
        return existingPath(value, site.baseDir, "file", "initrd");
      case "bios":
        return existingPath(value, site.baseDir, "file", "firmware");
      case "debian-mirror":
        return checkMirrorUrl(value);
      case "machine-type":
        return checkQemuOptionWord(value, "machine type", "`q35`, `pc` or `virt,gic-version=3`");
      case "cpu":
        return checkQemuOptionWord(value, "CPU model", "`max`, `Skylake-Client` or `cortex-a72`");
      case "rtc-base":
        return checkRtcBase(value);
      case "success-marker":
      case "failure-marker":
        checkMarkerRegex(value);
        return value;
      case "pass-exit-codes":
        return parseExitCodes(value);
      case "results-file":
        return checkGuestFilePath(value, "results-file", "/tmp/results.tap");
      case "rules-file":
        return existingPath(value, site.baseDir, "file", "rules file");
      case "plan-file":
        return existingPath(value, site.baseDir, "file", "plan file");
      case "shard":
        return parseShard(value);
      case "snapshot-at":
        return parseSnapshotAt(value);
      case "scenario":
        return checkScenarioName(value);
      case "config":
      case "results-dir":
      case "history":
        return absolutePath(value, site.baseDir);
      default:
        return value;
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw located(err, site.where, key);
  }
}
function checkListItem(name, item, index, site, key) {
  const where = site.element?.(index) ?? site.where;
  try {
    switch (name) {
      case "qemu-targets":
        if (!/^[a-z0-9_]+-(softmmu|linux-user|bsd-user)$/.test(item)) {
          throw new ValueProblem(`bad QEMU target ${JSON.stringify(item)}`, "targets look like `x86_64-softmmu` or `aarch64-softmmu`");
        }
        return item;
      case "qemu-configure-flags":
        if (!item.startsWith("--")) {
          throw new ValueProblem(`configure flag ${JSON.stringify(item)} does not start with --`, "one flag per item, like `--enable-debug-tcg`");
        }
        return item;
      case "qemu-patches":
        return existingPath(item, site.baseDir, "file", "patch");
      case "qtest-script":
        return existingPath(item, site.baseDir, "file", "qtest script");
      case "qtest-devices":
        return checkQemuOptionWord(item, "device", "`ide-hd,drive=qfi-data,bus=ide.0` or `pl011,chardev=c0`");
      case "disks":
        return diskFromLine(item, index, site.baseDir);
      case "files":
        return fileFromLine(item, site.baseDir);
      case "points":
        return parsePointLine(item);
      case "regions":
        return parseRegionLine(item);
      case "merge-from":
        return absolutePath(item, site.baseDir);
      case "actions":
        return checkActionText(item);
      case "plugin-args":
        if (!/^[A-Za-z_][A-Za-z0-9_-]*=/.test(item)) {
          throw new ValueProblem(`plugin argument ${JSON.stringify(item)} is not key=value`, "one `key=value` per item, like `inline=on`");
        }
        return item;
      default:
        return item;
    }
  } catch (err) {
    throw located(err, where, key === void 0 ? void 0 : `${key}[${index}]`);
  }
}
function checkQemuVersion(text) {
  if (/^\d+\.\d+\.\d+$/.test(text)) return text;
  throw new ValueProblem(`bad QEMU version ${JSON.stringify(text)}`, "give a release number like `10.2.2`");
}
function checkSha256(text) {
  const hex3 = text.toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex3)) return hex3;
  throw new ValueProblem(
    `${JSON.stringify(text)} is not a sha256 (64 hex digits)`,
    "copy the sha256 of the release tarball, e.g. from `sha256sum qemu-X.Y.Z.tar.xz`"
  );
}
function checkPluginPath(path6) {
  if (path6.endsWith(".c") || path6.endsWith(".so")) return path6;
  throw new ValueProblem(
    `plugin ${path6} is neither a C source file (.c) nor a shared object (.so)`,
    "give the plugin source (.c) to have qfi compile it, or a built .so"
  );
}
function checkEnum(spec2, text) {
  const values = spec2.values ?? [];
  if (values.includes(text)) return text;
  throw new ValueProblem(`${JSON.stringify(text)} is not one of ${values.join(", ")}`, `use ${values.map((v) => `\`${v}\``).join(" or ")}`);
}
function checkTablePath(text) {
  try {
    parseDottedKey(text);
    return text;
  } catch (err) {
    throw new ValueProblem(
      `bad table path ${JSON.stringify(text)}: ${err.message}`,
      'write the table name as in its TOML header, e.g. `fault_injection` or `tools."qfi"`'
    );
  }
}
function absolutePath(text, baseDir) {
  if (text === "") throw new ValueProblem("the path is empty", "give a file path, or leave the setting out");
  return isAbsolute3(text) ? text : resolve4(baseDir, text);
}
function existingPath(text, baseDir, kind, what) {
  const path6 = absolutePath(text, baseDir);
  if (!existsSync4(path6)) {
    const hint = what === "QEMU" ? "give `auto`, `system` (qemu-system-<arch> on PATH), or the path of a qemu-system binary or install prefix" : `check the path; relative paths are resolved from ${baseDir}`;
    throw new ValueProblem(`${what} ${JSON.stringify(text)} does not exist (looked at ${path6})`, hint);
  }
  const st = statSync4(path6);
  if (kind === "file" && !st.isFile()) {
    throw new ValueProblem(`${what} ${JSON.stringify(text)} is ${fileKind(st)}, not a regular file (${path6})`, `give the path of the ${what} file itself`);
  }
  return path6;
}
function located(err, where, key) {
  if (err instanceof ConfigError) return err;
  if (err instanceof ValueProblem) {
    return new ConfigError(key ? `${key}: ${err.message}` : err.message, { location: where, ...err.hint ? { hint: err.hint } : {} });
  }
  throw err;
}
var TOML_TYPE_NAMES = {
  string: "a string",
  path: "a string (a path)",
  bool: "a boolean (true or false)",
  int: "an integer",
  duration: 'a duration (a string like "90s" or an integer number of seconds)',
  enum: "a string",
  lines: "an array of strings"
};
function tomlExample(spec2) {
  switch (spec2.type) {
    case "bool":
      return "true";
    case "int":
      return String(spec2.min ?? 1);
    case "duration":
      return '"90s"';
    case "enum":
      return JSON.stringify(spec2.values?.[0] ?? "");
    case "lines":
      return '["-device", "virtio-rng-pci"]';
    case "path":
      return '"path/to/file"';
    case "string":
      return spec2.default !== void 0 && !spec2.computedDefault && spec2.default !== "" ? JSON.stringify(spec2.default) : '"..."';
  }
}
function describeTomlValue(value) {
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (typeof value === "bigint") return `the integer ${value}`;
  if (typeof value === "number") return `the float ${value}`;
  if (typeof value === "boolean") return `the boolean ${value}`;
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date-time";
  if (isTomlTable(value)) return "a table";
  return String(value);
}
function isTomlTable(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date);
}
function checkActionText(text) {
  return printAction(ruleFor("campaign.point", text.trim()).action);
}
function checkMirrorUrl(value) {
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ValueProblem(`"${value}" is not a URL`, "give a Debian mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ValueProblem(`${value} is not an http:// or https:// URL`, "give a Debian mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  if (url.search || url.hash)
    throw new ValueProblem(`${value} has a query or fragment`, "give the mirror's base URL, as in apt's sources: http://deb.debian.org/debian");
  return url.href.replace(/\/+$/, "");
}

// src/config/problems.ts
var ProblemList = class {
  problems = [];
  add(problem) {
    this.problems.push(problem);
  }
  /** Runs `fn`; a ConfigError it throws is recorded and `undefined` returned. */
  attempt(fn) {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      this.add(err);
      return void 0;
    }
  }
  get size() {
    return this.problems.length;
  }
  /** Throws the collected problems as one ConfigError, if there are any. */
  throwIfAny() {
    const error = combineProblems(this.problems);
    if (error) throw error;
  }
};
function combineProblems(problems) {
  if (problems.length <= 1) return problems[0];
  const sorted = [...problems].sort((a2, b) => {
    const la = a2.location ?? {};
    const lb = b.location ?? {};
    if ((la.file ?? "\uFFFF") !== (lb.file ?? "\uFFFF")) return (la.file ?? "\uFFFF") < (lb.file ?? "\uFFFF") ? -1 : 1;
    return (la.line ?? 0) - (lb.line ?? 0) || (la.column ?? 0) - (lb.column ?? 0);
  });
  const first = sorted[0];
  const lines = sorted.map((p) => {
    const where = p.location ? formatLocation(p.location) : "";
    const item = `  ${where ? `${where}: ` : ""}${p.message}`;
    return p.hint ? `${item}
      hint: ${p.hint}` : item;
  });
  return new ConfigError(`${sorted.length} problems in the configuration:
${lines.join("\n")}`, {
    ...first.location ? { location: first.location } : {},
    ...first.hint ? { hint: first.hint } : {}
  });
}

// src/config/load-toml.ts
function loadToml(opts) {
  const { path: path6, displayPath: displayPath2 } = opts;
  const request = {
    path: path6,
    displayPath: displayPath2,
    what: opts.what,
    maxBytes: MAX_TEXT_INPUT_BYTES,
    ...opts.input === void 0 ? {} : { location: { input: opts.input } }
  };
  let source = decodeUtf8Input(readInputFile(request), request);
  if (source.charCodeAt(0) === 65279) source = source.slice(1);
  let document;
  try {
    document = parse(source, { integersAsBigInt: true });
  } catch (err) {
    if (!(err instanceof TomlError)) throw err;
    throw new ConfigError(`invalid TOML: ${tomlErrorReason(err)}`, {
      location: {
        file: displayPath2,
        ...opts.input === void 0 ? {} : { input: opts.input },
        line: err.line,
        column: err.column,
        sourceLine: sourceLineAt(source, err.line)
      },
      hint: "fix the TOML syntax at the caret (see https://toml.io/en/v1.0.0)",
      cause: err
    });
  }
  return { path: path6, displayPath: displayPath2, source, document, positions: scanTomlPositions(source) };
}
function sourceLineAt(source, line) {
  const text = source.split("\n")[line - 1];
  return text === void 0 ? void 0 : text.replace(/\r$/, "");
}
function tomlErrorReason(err) {
  const first = err.message.split("\n\n")[0] ?? err.message;
  return first.replace(/^Invalid TOML document: /, "");
}

// src/config/toml-location.ts
function locateInToml(loaded, path6, part, input) {
  const entry = loaded.positions.get(tomlPath(path6));
  const base = { file: loaded.displayPath, ...input === void 0 ? {} : { input } };
  if (entry === void 0) return base;
  const pos = part === "key" ? entry.key ?? entry.value : part === "content" ? entry.content ?? entry.value : entry.value;
  return { ...base, line: pos.line, column: pos.column, sourceLine: sourceLineAt(loaded.source, pos.line) };
}

// src/config/toml-rules.ts
function readTomlRules(loaded, path6, raw, problems, opts = {}) {
  const key = tomlPath(path6);
  if (!Array.isArray(raw)) {
    problems.add(
      new ConfigError(`${key} must be an array of rule strings, found ${describeTomlValue(raw)}`, {
        location: locateInToml(loaded, path6, "value"),
        hint: 'write it like `rules = ["alloc.frame=fail-after:3", "block.read=drop-every:4"]`'
      })
    );
    return [];
  }
  const rules = [];
  raw.forEach((item, index) => {
    const itemPath = [...path6, index];
    if (typeof item !== "string") {
      problems.add(
        new ConfigError(`${key}[${index}] must be a rule string, found ${describeTomlValue(item)}`, {
          location: locateInToml(loaded, itemPath, "value"),
          hint: `quote the rule: "point=action". ${RULE_GRAMMAR_HINT}`
        })
      );
      return;
    }
    const { file, line, column, sourceLine } = locateInToml(loaded, itemPath, "content");
    const rule = problems.attempt(() => parseRule(item, { file, line, column, sourceLine }, opts.guestOwn ? { guestOwn: true } : {}));
    if (!rule) return;
    rules.push(rule);
    opts.located?.push({ rule, at: { file: loaded.path, ...line === void 0 ? {} : { line } } });
  });
  return rules;
}

// src/config/check-schema.ts
var CONFIG_SCHEMA = buildSchema();
function buildSchema() {
  const tables = /* @__PURE__ */ new Map();
  const add = (dotted, schema) => {
    const [table, key] = dotted.split(".");
    let keys = tables.get(table);
    if (!keys) tables.set(table, keys = /* @__PURE__ */ new Map());
    keys.set(key, schema);
  };
  for (const spec2 of INPUTS) if (spec2.toml !== void 0) add(spec2.toml, { kind: "setting", spec: spec2 });
  add("fault_injection.rules", { kind: "rules" });
  return tables;
}
function checkConfigSchema(loaded, problems, baseDir = dirname2(loaded.path)) {
  const collected = problems ?? new ProblemList();
  const values = {};
  const present = /* @__PURE__ */ new Set();
  let rules = [];
  const locatedRules = [];
  for (const [table, tableValue] of Object.entries(loaded.document)) {
    const keys = CONFIG_SCHEMA.get(table);
    if (!keys) {
      collected.add(unknownTopLevel(loaded, table, tableValue));
      continue;
    }
    if (!isTomlTable(tableValue)) {
      collected.add(
        new ConfigError(`\`${table}\` must be a table`, {
          location: locateInToml(loaded, [table], "key"),
          hint: `put its settings under a [${table}] header, like \`[${table}]\` then \`${[...keys.keys()][0]} = ...\``
        })
      );
      continue;
    }
    for (const [key, raw] of Object.entries(tableValue)) {
      const schema = keys.get(key);
      const path6 = [table, key];
      if (!schema) {
        collected.add(unknownKey(loaded, table, key, keys));
      } else if (schema.kind === "rules") {
        rules = readTomlRules(loaded, path6, raw, collected, { located: locatedRules });
      } else {
        present.add(schema.spec.name);
        const value = collected.attempt(
          () => valueFromToml(schema.spec, `${table}.${key}`, raw, {
            where: locateInToml(loaded, path6, "value"),
            content: locateInToml(loaded, path6, "content"),
            element: (index) => locateInToml(loaded, [...path6, index], "value"),
            baseDir
          })
        );
        if (value !== void 0) values[schema.spec.name] = { value, where: locateInToml(loaded, path6, "value") };
      }
    }
  }
  if (!problems) collected.throwIfAny();
  return { file: loaded, values, present, rules, locatedRules };
}
function unknownTopLevel(loaded, name, value) {
  const location = locateInToml(loaded, [name], "key");
  if (!isTomlTable(value)) {
    const home = [...CONFIG_SCHEMA].find(([, keys]) => keys.has(name))?.[0];
    return new ConfigError(`unknown key \`${name}\` at the top level`, {
      location,
      hint: home ? `settings live in tables: put \`${name}\` under [${home}]` : `settings live in tables: ${tableList()}`
    });
  }
  const guess = closestMatch(name, CONFIG_SCHEMA.keys());
  return new ConfigError(`unknown table [${name}]`, {
    location,
    hint: `${guess ? `did you mean [${guess}]? ` : ""}known tables: ${tableList()}`
  });
}
function unknownKey(loaded, table, key, keys) {
  const guess = closestMatch(key, keys.keys());
  const elsewhere = [...CONFIG_SCHEMA].find(([other, otherKeys]) => other !== table && otherKeys.has(key))?.[0];
  const suggestion = guess ? `did you mean \`${guess}\`? ` : elsewhere ? `\`${key}\` belongs in [${elsewhere}]. ` : "";
  return new ConfigError(`unknown key \`${key}\` in [${table}]`, {
    location: locateInToml(loaded, [table, key], "key"),
    hint: `${suggestion}known keys in [${table}]: ${[...keys.keys()].join(", ")}`
  });
}
function tableList() {
  return [...CONFIG_SCHEMA.keys()].map((t) => `[${t}]`).join(", ");
}

// src/config/read-rules-file.ts
import { dirname as dirname3 } from "node:path";
function readRulesFile(opts) {
  const { problems } = opts;
  return problems.attempt(() => readTable(opts, problems));
}
function readTable(opts, problems) {
  const loaded = loadToml({
    path: opts.path,
    displayPath: opts.displayPath,
    what: "rules file",
    ...opts.input === void 0 ? {} : { input: opts.input }
  });
  const segments = parseDottedKey(opts.table);
  const table = findTable(loaded, segments, opts.table, opts.tableWhere);
  let enabled;
  let rules = [];
  const locatedRules = [];
  if ("enabled" in table) {
    const path6 = [...segments, "enabled"];
    const where = locateInToml(loaded, path6, "value");
    const value = problems.attempt(() => valueFromToml(inputSpec("faults-enabled"), tomlPath(path6), table["enabled"], { where, baseDir: dirname3(opts.path) }));
    if (value !== void 0) enabled = { value, where };
  }
  if ("rules" in table) rules = readTomlRules(loaded, [...segments, "rules"], table["rules"], problems, { guestOwn: true, located: locatedRules });
  return { enabled, rules, locatedRules };
}
function findTable(loaded, segments, name, tableWhere) {
  let current = loaded.document;
  for (let i2 = 0; i2 < segments.length; i2++) {
    const segment = segments[i2];
    const next = Object.hasOwn(current, segment) ? current[segment] : void 0;
    if (next === void 0) {
      const known = listTables(loaded.document, []);
      throw new ConfigError(`table [${name}] not found in ${loaded.displayPath}`, {
        location: { file: loaded.displayPath, ...tableWhere?.input ? { input: tableWhere.input } : {} },
        hint: `set rules-table to the table that holds \`rules = [...]\`` + (known.length > 0 ? `; tables in this file: ${known.slice(0, 20).map((t) => `[${t}]`).join(", ")}` : "; the file has no tables") + (tableWhere?.file ? ` (rules-table is set at ${tableWhere.file}:${tableWhere.line}:${tableWhere.column})` : "")
      });
    }
    if (!isTomlTable(next)) {
      const at = segments.slice(0, i2 + 1);
      throw new ConfigError(`[${tomlPath(at)}] in ${loaded.displayPath} is ${describeTomlValue(next)}, not a table of fault rules`, {
        location: locateInToml(loaded, at, "key"),
        hint: "set rules-table to the table that holds `enabled` and `rules = [...]`"
      });
    }
    current = next;
  }
  return current;
}
function listTables(table, prefix) {
  const out = [];
  for (const [key, value] of Object.entries(table)) {
    if (!isTomlTable(value)) continue;
    const path6 = [...prefix, key];
    out.push(tomlPath(path6), ...listTables(value, path6));
  }
  return out;
}

// src/config/report-sources.ts
import { existsSync as existsSync5, readFileSync } from "node:fs";
import { isAbsolute as isAbsolute4, join as join2, relative, resolve as resolve5, sep } from "node:path";
function workspaceOf(facts) {
  const ws = facts.env.GITHUB_WORKSPACE;
  return ws && isAbsolute4(ws) && (facts.cwd === ws || inWorkspace(facts.cwd, ws) !== void 0) ? ws : facts.cwd;
}
function workspaceRelative(path6, where) {
  return inWorkspace(resolve5(where.cwd, path6), workspaceOf(where));
}
function inWorkspace(path6, workspace) {
  const rel = relative(workspace, path6);
  if (rel === "" || rel.startsWith("..") || isAbsolute4(rel)) return void 0;
  return rel.split(sep).join("/");
}
function workflowFile(env, workspace) {
  const ref = env.GITHUB_WORKFLOW_REF;
  const repo = env.GITHUB_REPOSITORY;
  if (!ref || !repo || !ref.startsWith(`${repo}/`)) return void 0;
  const path6 = ref.slice(repo.length + 1).replace(/@[^@]*$/, "");
  return path6 && existsSync5(join2(workspace, path6)) ? path6 : void 0;
}
function lineHolding(lines, needle) {
  if (needle.trim() === "") return void 0;
  const i2 = lines.findIndex((l) => l.includes(needle));
  return i2 < 0 ? void 0 : i2 + 1;
}
function reportSources(facts) {
  const workspace = workspaceOf(facts);
  const configRel = facts.configFile ? inWorkspace(facts.configFile, workspace) : void 0;
  const mainFile = configRel ?? workflowFile(facts.env, workspace);
  let lines = [];
  if (mainFile) {
    try {
      lines = readFileSync(join2(workspace, mainFile), "utf8").split("\n");
    } catch {
      lines = [];
    }
  }
  const main = mainFile ? { file: mainFile, line: 1 } : void 0;
  const locate = (at, ...needles) => {
    if (at?.line !== void 0 && at.file !== void 0) {
      const file = inWorkspace(resolve5(facts.cwd, at.file), workspace);
      if (file) return { file, line: at.line };
    }
    if (!mainFile) return void 0;
    for (const needle of needles) {
      const line = needle === void 0 ? void 0 : lineHolding(lines, needle);
      if (line !== void 0) return { file: mainFile, line };
    }
    return void 0;
  };
  const byPoint = /* @__PURE__ */ new Map();
  for (const { rule, at } of facts.rules) {
    byPoint.set(printPoint(rule), { text: printRule(rule), ref: locate(at, printRule(rule), printPoint(rule), rule.point) });
  }
  const rules = {};
  for (const { text, ref } of byPoint.values()) if (ref) rules[text] = ref;
  const firstCommandLine = facts.command?.split("\n").find((l) => l.trim() !== "")?.trim();
  return {
    main,
    command: locate(facts.commandAt, firstCommandLine),
    resultsFile: locate(facts.resultsFileAt, facts.resultsFile),
    rules
  };
}

// src/core/shell-quote.ts
function shellQuote(arg) {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function shellCommand(argv) {
  return argv.map(shellQuote).join(" ");
}

// src/config/reproducer-args.ts
var QEMU_ARGS_SEPARATOR = "--";
function buildReproducerArgs(opts) {
  const args = [];
  if (opts.configFile !== void 0) args.push(...flag("config", opts.configFile));
  for (const spec2 of INPUTS) {
    if (spec2.name === "config" || spec2.name === "seed" || spec2.name === "faults") continue;
    if ("cli" in spec2 && spec2.cli === false) continue;
    const given = opts.given[spec2.name];
    if (given === void 0) continue;
    const items = typeof given.text === "string" ? [given.text] : given.text;
    for (const item of items) args.push(...flag(spec2.name, item));
  }
  args.push(...flag("seed", String(opts.seed)));
  for (const rule of opts.inputRules) args.push(...flag("fault", printRule(rule)));
  const trailing = opts.given["qemu-trailing-args"]?.text;
  if (trailing !== void 0) args.push(QEMU_ARGS_SEPARATOR, ...typeof trailing === "string" ? [trailing] : trailing);
  return args;
}
function flag(name, value) {
  return value.startsWith("-") ? [`--${name}=${value}`] : [`--${name}`, value];
}
function keptReproducerArgs(args, drop = ["--results-dir"]) {
  const kept = [];
  for (let i2 = 0; i2 < args.length; i2++) {
    const arg = args[i2];
    if (arg === QEMU_ARGS_SEPARATOR) return [...kept, ...args.slice(i2)];
    if (drop.includes(arg)) i2++;
    else if (!drop.some((d) => arg.startsWith(`${d}=`))) kept.push(arg);
  }
  return kept;
}
function reproducerLine(args) {
  return shellCommand(["qfi", "run", ...keptReproducerArgs(args)]);
}

// src/config/guest-combination.ts
function checkGuestCombination(setting, written, arch, disks, problems) {
  const c3 = { setting, written, where: (name) => setting(name)?.where ?? { input: name }, problems };
  const bootDisk = disks.find((d) => d.boot);
  checkBootSource(c3, disks);
  const initrd = written("initrd");
  const builtinInitramfs = !initrd && !bootDisk;
  const asked = setting("agent")?.value ?? "auto";
  const agent = asked === "auto" ? builtinInitramfs ? "qfi" : "none" : asked;
  checkAgentFits(c3, agent, { builtinInitramfs, initrd, bootDisk });
  checkExitDevice(c3, arch);
  return { agent };
}
function checkBootSource({ where, written, problems }, disks) {
  const bootDisks = disks.filter((d) => d.boot);
  const bootDisk = bootDisks[0];
  const kernel = written("kernel");
  if (bootDisks.length > 1) {
    problems.add(
      new ConfigError(`${bootDisks.length} disks have boot=true (${bootDisks.map((d) => d.id).join(", ")})`, {
        location: where("disks"),
        hint: "the firmware boots one disk: keep boot=true on one of them"
      })
    );
  }
  if (bootDisk && kernel) {
    problems.add(
      new ConfigError(`disk ${bootDisk.id} has boot=true, but a kernel is given too`, {
        location: where("kernel"),
        hint: `either let the firmware boot the disk (drop kernel), or boot your kernel with the disk as its root (drop boot=true and add \`root=/dev/vda1\` to append)`
      })
    );
  }
  if (bootDisk && written("append") && !kernel) {
    problems.add(
      new ConfigError("append is given, but the guest boots from a disk", {
        location: where("append"),
        hint: "the disk's boot loader has its own kernel command line: change it in the image, or drop append"
      })
    );
  }
}
function checkAgentFits({ where, written, problems }, agent, guest) {
  const { builtinInitramfs, initrd, bootDisk } = guest;
  if (agent === "qfi" && !builtinInitramfs) {
    problems.add(
      new ConfigError(`agent: qfi runs in the built-in initramfs, but ${initrd ? "an initrd is given" : `disk ${bootDisk.id} is booted`}`, {
        location: where("agent"),
        hint: "use agent: qemu-guest-agent (installed and enabled in your image), agent: none (your kernel tests itself), or drop initrd / boot=true to use the built-in initramfs"
      })
    );
  }
  if (agent === "qemu-guest-agent" && builtinInitramfs) {
    problems.add(
      new ConfigError("agent: qemu-guest-agent runs inside your own image, but the guest would boot qfi's built-in initramfs", {
        location: where("agent"),
        hint: "give a disk with boot=true (a distribution image with qemu-guest-agent), or kernel + initrd (+ a root disk), or use agent: qfi"
      })
    );
  }
  if (agent === "none" && written("command")) {
    problems.add(
      new ConfigError("a test command is given, but nothing in the guest would run it (agent: none)", {
        location: where("command"),
        hint: builtinInitramfs ? "drop agent: none (the built-in agent runs the command)" : "use agent: qemu-guest-agent if your image runs it, or drop the command and let the kernel test itself (success-marker, failure-marker, exit-device, KTAP)"
      })
    );
  }
  if (agent === "none" && written("results-file")) {
    problems.add(
      new ConfigError("results-file is given, but no agent in the guest would hand the file over (agent: none)", {
        location: where("results-file"),
        hint: "print the KTAP/TAP results on the console instead (qfi reads them there), or run the tests through agent: qemu-guest-agent"
      })
    );
  }
  if (written("files") && (agent !== "qfi" || !builtinInitramfs)) {
    problems.add(
      new ConfigError("files go into the built-in initramfs, which this guest does not boot", {
        location: where("files"),
        hint: "put the files into your own initrd or image, or drop initrd / boot=true"
      })
    );
  }
}
function checkExitDevice({ setting, where, written, problems }, arch) {
  const exitDevice = setting("exit-device")?.value;
  if (exitDevice === "isa-debug-exit" && arch !== "x86_64") {
    problems.add(
      new ConfigError(`exit-device isa-debug-exit is an x86 ISA device, but arch is ${arch}`, {
        location: where("exit-device"),
        hint: "on aarch64 use exit-device: semihosting (SYS_EXIT), or a success-marker"
      })
    );
  }
  if (exitDevice === "semihosting" && arch === "x86_64") {
    problems.add(
      new ConfigError("exit-device semihosting does not exist on x86_64 in QEMU", {
        location: where("exit-device"),
        hint: "on x86 use exit-device: isa-debug-exit (write the code to port 0xf4)"
      })
    );
  }
  if (written("pass-exit-codes") && (exitDevice === void 0 || exitDevice === "none")) {
    problems.add(
      new ConfigError("pass-exit-codes is given, but no exit-device reports an exit code", {
        location: where("pass-exit-codes"),
        hint: "set exit-device (isa-debug-exit on x86, semihosting on aarch64), or drop pass-exit-codes"
      })
    );
  }
}

// src/config/settings.ts
var Settings = class {
  constructor(fromInputs, file, inputsGiven, baseDir) {
    this.fromInputs = fromInputs;
    this.file = file;
    this.inputsGiven = inputsGiven;
    this.baseDir = baseDir;
  }
  fromInputs;
  file;
  inputsGiven;
  baseDir;
  setting(name) {
    return this.fromInputs[name] ?? this.file?.values[name];
  }
  value(name) {
    return this.setting(name)?.value;
  }
  /** The value, or the inputs table's literal default. */
  orDefault(name) {
    return this.value(name) ?? defaultValue(name, this.baseDir);
  }
  where(name) {
    return this.setting(name)?.where ?? { input: name };
  }
  /** Written, valid or not: a setting written but invalid is already a problem, and not also missing. */
  written(name) {
    return this.inputsGiven.has(name) || (this.file?.present.has(name) ?? false);
  }
  locations() {
    const out = {};
    for (const name of [...Object.keys(this.file?.values ?? {}), ...Object.keys(this.fromInputs)]) {
      const where = this.setting(name)?.where;
      if (where) out[name] = where;
    }
    return out;
  }
};
function defaultValue(name, baseDir) {
  const spec2 = inputSpec(name);
  if (spec2.default === void 0 || spec2.computedDefault) throw new Error(`input ${name} has no literal default`);
  return valueFromInput(spec2, spec2.default, { where: { input: name }, baseDir });
}
function sourceOf(config, name) {
  return config.locations[name] ?? { input: name };
}
function locateSettingError(err, holder) {
  if (!(err instanceof ConfigError) || !err.location?.input || err.location.file !== void 0) return err;
  const written = holder.locations[err.location.input];
  if (!written || written.file === void 0) return err;
  return new ConfigError(err.message, { location: written, ...err.hint !== void 0 ? { hint: err.hint } : {}, cause: err });
}

// src/config/purpose-checks.ts
function checkPurpose(config, purpose, problems) {
  if (purpose === "campaign" && config.campaign.kind === "snapshot") checkSnapshotCampaign(config, problems);
  if (purpose === "qtest") checkQtest(config, problems);
}
var RULES_AT = { input: "faults" };
function checkSnapshotCampaign(config, problems) {
  const other = config.faults.rules.find((r) => isHostRule(r) || isPluginRule(r));
  if (other) {
    problems.add(
      new ConfigError(`snapshot campaigns inject their own bit flips, so the config's rule ${printRule(other)} cannot run in every trial`, {
        location: RULES_AT,
        hint: "remove host (block.*, vm.*, net.*) and plugin (mem.*, reg.*, insn.*) rules for `campaign: snapshot`; guest rules (read by the guest at boot) are kept"
      })
    );
  }
  const arch = config.machine.arch;
  if (arch !== "x86_64") {
    problems.add(
      new ConfigError(`snapshot campaigns need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is ${arch}`, {
        location: sourceOf(config, "arch"),
        hint: "run this scenario on arch: x86_64, or use guest, block and VM rules on aarch64"
      })
    );
  }
  if (config.qemu.accel === "kvm") {
    problems.add(
      new ConfigError("accel = kvm was asked for, but snapshot campaigns run qfi's TCG plugin: KVM cannot run it", {
        location: sourceOf(config, "accel"),
        hint: "use accel = auto (qfi picks TCG then) or accel = tcg"
      })
    );
  }
  if (config.guest.agent !== "qfi") {
    problems.add(
      new ConfigError(`snapshot campaigns need qfi's agent (it waits where the state is saved), but the guest runs with agent: ${config.guest.agent}`, {
        location: sourceOf(config, "agent"),
        hint: "use the built-in initramfs (your kernel is fine: drop initrd / boot=true)"
      })
    );
  }
}
function checkQtest(config, problems) {
  if (config.qtest.scripts.length === 0) {
    problems.add(
      new ConfigError("mode qtest needs at least one qtest script", {
        location: sourceOf(config, "qtest-script"),
        hint: 'give qtest-script (one path per line), or `[qtest] script = "tests/uart.qtest"` in qfi.toml'
      })
    );
  }
  const rule = config.faults.rules.find((r) => !isBlockRule(r));
  if (rule) {
    const what = isPluginRule(rule) ? "a plugin rule (no TCG code runs under qtest)" : isHostRule(rule) ? "a VM/network rule (there is no guest to pause, reset or cut off)" : "a guest rule (no guest reads it)";
    problems.add(
      new ConfigError(`rule ${printRule(rule)} is ${what}, so it cannot apply in mode qtest`, {
        location: RULES_AT,
        hint: "in qtest mode use block rules on a disk a device uses (`block.read=fail-after:2 disk=data`), or run the rule in mode run"
      })
    );
  }
}

// src/config/resolve-config.ts
var DEFAULT_CONFIG_FILE = "qfi.toml";
var OVERALL_TIMEOUT_MARGIN_MS = 6e4;
async function resolveConfig(opts) {
  const cwd = resolve6(opts.cwd);
  const problems = new ProblemList();
  const warnings = [];
  const raw = givenInputs(opts.inputs);
  const { fromInputs, given } = readInputs(raw, cwd, problems);
  const inputRules = parseInputRules(raw.get("faults"), problems);
  const configFile = pickConfigFile(fromInputs, raw.has("config"), cwd);
  const file = configFile === void 0 ? void 0 : readConfigFile(configFile, cwd, raw.has("config"), problems, opts.configBaseDir);
  const settings = new Settings(fromInputs, file, new Set(raw.keys()), cwd);
  const faults = readFaults(settings, fromInputs, file, inputRules, { cwd, problems, warnings });
  const fileUnreadable = (configFile !== void 0 || raw.has("config")) && file === void 0;
  const guest = checkGuest(settings, { file, fileUnreadable, needsCommand: opts.needsCommand !== false, problems, warnings });
  problems.throwIfAny();
  const seed = settings.value("seed") ?? randomInt(0, 2 ** 32);
  const sources = reportSources({
    cwd,
    env: opts.env ?? process.env,
    configFile: opts.configBaseDir ? void 0 : configFile,
    rules: faults.located,
    commandAt: settings.setting("command")?.where,
    resultsFileAt: settings.setting("results-file")?.where,
    command: settings.value("command"),
    resultsFile: settings.value("results-file")
  });
  const config = {
    configFile,
    name: settings.value("name") ?? (configFile ? scenarioNameFrom(basename(configFile, extname(configFile))) : "qfi"),
    qemu: qemuSettings(settings, guest.arch),
    machine: machineSettings(settings, guest.arch),
    guest: guestSettings(settings, guest),
    test: testSettings(settings, warnings),
    faults: {
      enabled: faults.enabled,
      rules: faults.rules,
      fwCfgName: settings.orDefault("rules-fw-cfg-name"),
      seed,
      requireFired: settings.orDefault("require-fired")
    },
    report: {
      dir: settings.orDefault("results-dir"),
      artifactName: settings.value("artifact-name"),
      upload: settings.orDefault("upload-artifacts"),
      failOnVerdict: settings.orDefault("fail-on-verdict")
    },
    reproducerArgs: buildReproducerArgs({ configFile, given, inputRules, seed }),
    sources,
    campaign: campaignSettings(settings, guest.choice.agent === "qfi"),
    qtest: { scripts: settings.value("qtest-script") ?? [], devices: settings.value("qtest-devices") ?? [] },
    locations: settings.locations()
  };
  checkPurpose(config, opts.purpose, problems);
  problems.throwIfAny();
  return { config, warnings };
}
function readInputs(raw, cwd, problems) {
  const fromInputs = {};
  const given = {};
  for (const [name, text] of raw) {
    if (name === "faults") continue;
    const spec2 = inputSpec(name);
    const where = { input: name };
    const value = problems.attempt(() => valueFromInput(spec2, text, { where, baseDir: cwd }));
    if (value === void 0) continue;
    fromInputs[name] = { value, where };
    given[name] = { text: reproducerText(name, spec2.type, text, value) };
  }
  return { fromInputs, given };
}
function readFaults(settings, fromInputs, file, inputRules, { cwd, problems, warnings }) {
  const fromRulesFile = readRulesFileSetting(settings, fromInputs, cwd, problems);
  if (settings.setting("rules-table") && !settings.setting("rules-file")) {
    warnings.push(`rules-table (${formatLocation(settings.where("rules-table"))}) has no effect without rules-file`);
  }
  const enabledSetting = settings.setting("faults-enabled") ?? fromRulesFile?.enabled;
  const enabled = enabledSetting === void 0 ? true : enabledSetting.value;
  if (!enabled && inputRules.length > 0) {
    warnings.push(
      `fault injection is disabled (faults-enabled = false at ${formatLocation(enabledSetting?.where ?? {})}), so the ${inputRules.length} rule(s) given in \`faults\` are not delivered`
    );
  }
  if (!enabled) return { enabled, rules: [], located: [] };
  return {
    enabled,
    rules: mergeRules([fromRulesFile?.rules ?? [], file?.rules ?? [], inputRules]),
    located: [...fromRulesFile?.locatedRules ?? [], ...file?.locatedRules ?? [], ...inputRules.map((rule) => ({ rule, at: void 0 }))]
  };
}
function checkGuest(settings, opts) {
  const { problems, warnings } = opts;
  const written = (name) => settings.written(name);
  const initrd = settings.setting("initrd");
  if (initrd !== void 0 && !written("kernel")) problems.add(initrdWithoutKernel(initrd.where));
  const arch = settings.orDefault("arch");
  const disks = checkDisks(settings.setting("disks"), problems);
  checkQemuPrefix(settings.setting("qemu"), arch, problems);
  const choice = initrd !== void 0 && !written("kernel") ? { agent: "none" } : checkGuestCombination((name) => settings.setting(name), written, arch, disks, problems);
  if (choice.agent !== "none" && !written("command") && !opts.fileUnreadable && opts.needsCommand) problems.add(missingCommand(opts.file, choice.agent));
  if (choice.agent === "none" && !written("success-marker") && !written("failure-marker") && settings.value("exit-device") === void 0) {
    warnings.push(
      "the guest runs without an agent (your kernel and initrd) and no success-marker, failure-marker or exit-device is set: only KTAP/TAP results on the console can make it pass"
    );
  }
  return { arch, disks, choice };
}
function qemuSettings(settings, arch) {
  return {
    binary: settings.orDefault("qemu"),
    accel: settings.orDefault("accel"),
    // `qemu-trailing-args` add to whichever of the input or the file gave `qemu-args`.
    extraArgs: [...settings.value("qemu-args") ?? [], ...settings.value("qemu-trailing-args") ?? []],
    version: settings.orDefault("qemu-version"),
    sha256: settings.value("qemu-sha256"),
    source: settings.value("qemu-source"),
    targets: settings.value("qemu-targets") ?? [`${arch}-softmmu`],
    configureFlags: settings.value("qemu-configure-flags") ?? [],
    patches: settings.value("qemu-patches") ?? [],
    installDeps: settings.orDefault("install-deps"),
    icount: settings.orDefault("icount"),
    plugin: settings.value("plugin"),
    pluginArgs: settings.value("plugin-args") ?? []
  };
}
function machineSettings(settings, arch) {
  return {
    arch,
    type: settings.value("machine-type"),
    cpu: settings.value("cpu"),
    rtcBase: settings.value("rtc-base"),
    memory: settings.orDefault("memory"),
    cpus: settings.orDefault("cpus"),
    network: settings.orDefault("network")
  };
}
function guestSettings(settings, guest) {
  return {
    kernel: settings.value("kernel"),
    initrd: settings.value("initrd"),
    append: settings.orDefault("append"),
    disks: guest.disks,
    bios: settings.value("bios"),
    debianMirror: settings.value("debian-mirror"),
    pin: settings.value("guest-pin"),
    files: settings.value("files") ?? [],
    agent: guest.choice.agent
  };
}
function testSettings(settings, warnings) {
  const bootTimeoutMs = settings.orDefault("boot-timeout");
  const testTimeoutMs = settings.orDefault("test-timeout");
  const overallTimeoutMs = settings.value("timeout") ?? bootTimeoutMs + testTimeoutMs + OVERALL_TIMEOUT_MARGIN_MS;
  if (overallTimeoutMs < bootTimeoutMs + testTimeoutMs) {
    warnings.push(
      `timeout (${formatLocation(settings.where("timeout"))}) is shorter than boot-timeout + test-timeout, so a slow run is cut off by the overall timeout before its test timeout is reached`
    );
  }
  return {
    command: settings.value("command") ?? "",
    bootTimeoutMs,
    testTimeoutMs,
    overallTimeoutMs,
    successMarker: settings.value("success-marker"),
    failureMarker: settings.value("failure-marker"),
    exitDevice: settings.orDefault("exit-device"),
    passExitCodes: settings.orDefault("pass-exit-codes"),
    resultsFile: settings.value("results-file")
  };
}
function givenInputs(inputs) {
  const unknown = Object.keys(inputs).filter((name) => !isInputName(name));
  if (unknown.length > 0) {
    throw new UsageError(`unknown input ${unknown.join(", ")}`, { hint: `known inputs: ${INPUTS.map((s) => s.name).join(", ")}` });
  }
  const out = /* @__PURE__ */ new Map();
  for (const spec2 of INPUTS) {
    const text = inputs[spec2.name];
    if (text === void 0) continue;
    const items = typeof text === "string" ? [text] : text;
    if (items.every((item) => item.trim() === "")) continue;
    out.set(spec2.name, text);
  }
  return out;
}
function parseInputRules(text, problems) {
  if (text === void 0) return [];
  const lines = (typeof text === "string" ? [text] : text).flatMap((item) => item.split("\n"));
  return lines.flatMap((line, index) => problems.attempt(() => parseRuleLines(line, { input: "faults", line: index + 1, column: 1 })) ?? []);
}
function pickConfigFile(fromInputs, configGiven, cwd) {
  const chosen = fromInputs.config?.value;
  if (typeof chosen === "string") return chosen;
  if (configGiven) return void 0;
  const fallback = join3(cwd, DEFAULT_CONFIG_FILE);
  return existsSync6(fallback) ? fallback : void 0;
}
function readConfigFile(path6, cwd, fromInput, problems, baseDir) {
  const loaded = problems.attempt(
    () => loadToml({ path: path6, displayPath: displayPath(path6, cwd), what: "config file", ...fromInput ? { input: "config" } : {} })
  );
  return loaded === void 0 ? void 0 : checkConfigSchema(loaded, problems, baseDir);
}
function readRulesFileSetting(settings, fromInputs, cwd, problems) {
  const path6 = settings.value("rules-file");
  if (path6 === void 0) return void 0;
  return readRulesFile({
    path: path6,
    displayPath: displayPath(path6, cwd),
    table: settings.orDefault("rules-table"),
    tableWhere: settings.where("rules-table"),
    ...fromInputs["rules-file"] ? { input: "rules-file" } : {},
    problems
  });
}
function checkDisks(disks, problems) {
  const specs = disks?.value ?? [];
  const seen = /* @__PURE__ */ new Set();
  for (const disk of specs) {
    if (seen.has(disk.id)) {
      problems.add(
        new ConfigError(`two disks have the id \`${disk.id}\``, {
          location: disks?.where ?? { input: "disks" },
          hint: "give each disk its own id=, like id=data and id=logs"
        })
      );
    }
    seen.add(disk.id);
  }
  const paths = specs.flatMap((d) => d.path ? [d.path] : []);
  const shared = paths.find((p, i2) => paths.indexOf(p) !== i2);
  if (shared)
    problems.add(
      new ConfigError(`two disks use the same image ${shared}`, {
        location: disks?.where ?? { input: "disks" },
        hint: "QEMU locks an image for one writer: give each disk its own image"
      })
    );
  return specs;
}
function missingCommand(file, agent) {
  const what = agent === "qemu-guest-agent" ? "qemu-guest-agent runs it in your image" : "the built-in agent runs it in the guest";
  return new ConfigError(`no test command given: qfi needs to know what to run (${what})`, {
    location: file ? { file: file.file.displayPath } : { input: "command" },
    hint: `add \`command = "make check"\` under [test] in ${file ? file.file.displayPath : DEFAULT_CONFIG_FILE}, or pass it as an input (action: \`with: command: make check\`; CLI: \`--command "make check"\`)`
  });
}
function initrdWithoutKernel(where) {
  return new ConfigError("initrd given without a kernel", {
    location: where,
    hint: "also give `kernel` (the initrd is booted with it), or drop `initrd` to use the built-in guest"
  });
}
function checkQemuPrefix(qemu, arch, problems) {
  const path6 = qemu?.value;
  if (typeof path6 !== "string" || !isAbsolute5(path6) || !statSync5(path6).isDirectory()) return;
  const binary = join3(path6, "bin", `qemu-system-${arch}`);
  if (!existsSync6(binary)) {
    problems.add(
      new ConfigError(`QEMU install prefix ${path6} has no bin/qemu-system-${arch}`, {
        location: qemu?.where ?? { input: "qemu" },
        hint: `give the folder QEMU was installed to (the one holding bin/qemu-system-${arch}), or the binary's own path`
      })
    );
  }
}
function reproducerText(name, type, text, value) {
  if (Array.isArray(value) && type === "lines") return value.map((item) => listItemText(name, item));
  if (type === "duration" || name === "pass-exit-codes" || name === "snapshot-at")
    return (typeof text === "string" ? text : text[text.length - 1] ?? "").trim();
  if (name === "shard") return printShard(value);
  return String(value);
}
function listItemText(name, item) {
  if (typeof item === "string") return item;
  if (name === "disks") return printDiskLine(item);
  if (name === "files") return printFileLine(item);
  if (name === "points") return printPointLine(item);
  return printRegionLine(item);
}
function displayPath(path6, cwd) {
  const rel = relative2(cwd, path6);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute5(rel) ? rel : path6;
}
function campaignSettings(settings, builtinGuest) {
  const kind = settings.orDefault("campaign");
  return {
    kind,
    points: settings.value("points") ?? [],
    actions: settings.value("actions") ?? [kind === "chaos" ? "rate:100" : "fail"],
    repeat: settings.value("repeat") ?? (kind === "chaos" ? 10 : kind === "snapshot" ? 50 : 1),
    failNthMax: settings.orDefault("fail-nth-max"),
    recheck: settings.orDefault("recheck"),
    maxJobs: settings.orDefault("max-jobs"),
    shard: settings.value("shard"),
    scenario: settings.value("scenario"),
    planFile: settings.value("plan-file"),
    history: settings.value("history"),
    mergeFrom: settings.value("merge-from") ?? [],
    regions: settings.value("regions") ?? defaultRegions(builtinGuest),
    snapshotAt: settings.orDefault("snapshot-at"),
    trialTimeoutMs: settings.value("trial-timeout")
  };
}

// src/config/resolve-inputs.ts
async function resolveInputs(request, log, extra = {}) {
  const { config, warnings } = await resolveConfig({
    inputs: request.inputs,
    cwd: request.cwd,
    ...request.configBaseDir !== void 0 ? { configBaseDir: request.configBaseDir } : {},
    ...extra
  });
  for (const warning of warnings) log.warn(warning);
  request.onConfig?.(config);
  return config;
}

// src/report/reproduce-record.ts
var REPRODUCE_SCHEMA_VERSION = 1;
var NOT_RECORDED = ["config", "rules-file", "results-dir", "seed"];
var PATH_LINES = ["qemu-patches", "qtest-script"];
var PATH_WORD_LINES = ["disks", "files"];
function writeReproduceRecord(config, run, dir) {
  const cwd = resolve7(run.cwd);
  const here = (path7) => relativeInside(path7, cwd);
  let configEntry = null;
  if (config.configFile !== void 0) {
    copyFileSync(config.configFile, join4(dir, REPRODUCE_FILES.config));
    configEntry = { copy: REPRODUCE_FILES.config, file: here(config.configFile), baseDir: here(run.configBaseDir ?? dirname4(config.configFile)) };
  }
  const rulesFile = rulesFileRead(config, run, cwd);
  let rulesEntry = null;
  if (rulesFile !== void 0) {
    copyFileSync(rulesFile, join4(dir, REPRODUCE_FILES.rulesFile));
    rulesEntry = { copy: REPRODUCE_FILES.rulesFile, file: here(rulesFile) };
  }
  const manifest = {
    schema: REPRODUCE_SCHEMA_VERSION,
    qfi: qfiVersion,
    scenario: config.name,
    seed: config.faults.seed,
    cwd,
    config: configEntry,
    rulesFile: rulesEntry,
    inputs: recordedInputs(run.inputs, cwd)
  };
  const path6 = join4(dir, REPRODUCE_FILES.manifest);
  writeResultFile(path6, `${JSON.stringify(manifest, null, 2)}
`);
  return path6;
}
function rulesFileRead(config, run, cwd) {
  const given = run.inputs["rules-file"];
  const text = typeof given === "string" ? given.trim() : given?.at(-1)?.trim();
  if (text) return resolve7(cwd, text);
  if (config.configFile === void 0) return void 0;
  const document = parse(readFileSync2(config.configFile, "utf8"));
  let value = document;
  for (const key of inputSpec("rules-file").toml.split(".")) value = value?.[key];
  return typeof value === "string" ? resolve7(run.configBaseDir ?? dirname4(config.configFile), value) : void 0;
}
function recordedInputs(inputs, cwd) {
  const out = {};
  for (const spec2 of INPUTS) {
    const raw = inputs[spec2.name];
    if (raw === void 0 || NOT_RECORDED.includes(spec2.name) || "scope" in spec2 && spec2.scope === "campaign") continue;
    if (spec2.type === "lines") {
      const lines = inputLines(raw);
      if (lines.length === 0) continue;
      if (PATH_LINES.includes(spec2.name)) out[spec2.name] = lines.map((line) => relativeInside(line, cwd));
      else if (PATH_WORD_LINES.includes(spec2.name)) out[spec2.name] = lines.map((line) => withRelativePathWord(line, cwd));
      else out[spec2.name] = lines;
      continue;
    }
    const text = (typeof raw === "string" ? raw : raw.at(-1) ?? "").trim();
    if (text === "") continue;
    out[spec2.name] = spec2.type === "path" || spec2.name === "qemu" ? relativeInside(text, cwd) : text;
  }
  return out;
}
function relativeInside(path6, cwd) {
  if (!isAbsolute6(path6)) return path6;
  const rel = relative3(cwd, path6);
  if (rel === "") return ".";
  return rel.startsWith("..") || isAbsolute6(rel) ? path6 : rel;
}
function withRelativePathWord(line, cwd) {
  let pairs;
  try {
    pairs = splitWords(line, "line", "");
  } catch {
    return line;
  }
  return pairs.map(([key, value]) => `${key}=${quoteWord(key === "path" ? relativeInside(value, cwd) : value)}`).join(" ");
}
function quoteWord(value) {
  return /[\s"]/.test(value) || value === "" ? JSON.stringify(value) : value;
}

// src/report/summary-json.ts
var SUMMARY_SCHEMA_VERSION = 1;
function toSummaryJson(run, junitFile = REPORT_FILES.junit) {
  const { record: record2, plan, provisioned } = run;
  const summary = {
    schema: SUMMARY_SCHEMA_VERSION,
    scenario: run.scenario,
    verdict: run.verdict,
    reason: run.reason,
    commandExitCode: record2.commandExitCode ?? null,
    timedOut: record2.timedOut ?? null,
    startedAt: record2.startedAt,
    timings: { wallMs: record2.wallMs, bootMs: record2.bootMs ?? null, testMs: record2.testMs ?? null },
    faults: { rules: plan.canonicalRules, seed: plan.seed, fwCfgName: plan.rulesFwCfgName },
    qemu: {
      binary: provisioned.qemuBinary,
      version: provisioned.qemuVersion,
      origin: provisioned.qemuOrigin,
      plugins: provisioned.plugins,
      accel: provisioned.accel,
      exit: { code: record2.qemuExit.code ?? null, signal: record2.qemuExit.signal ?? null },
      argv: record2.qemuArgv
    },
    kernel: provisioned.kernelDescription,
    /** The built-in guest by package and hash; `guest.pin` boots it again (`guest-pin`, `qfi reproduce`). */
    guest: provisioned.guest ?? null,
    /** What the guest received through fw_cfg, so the run can be replayed with bare QEMU. */
    fwCfg: plan.fwCfg,
    console: { lines: record2.consoleLines },
    events: record2.events.map((e) => ({
      kind: e.kind,
      line: e.line,
      atMs: e.atMs,
      text: e.text,
      ...e.exitCode !== void 0 ? { exitCode: e.exitCode } : {}
    })),
    injections: run.injections ?? null,
    points: run.points,
    logSummary: run.summary,
    /** KTAP/TAP results on the console: counts and each stream's errors (the tests are in junit.xml). */
    ktap: run.ktap ? {
      counts: run.ktap.counts,
      dropped: run.ktap.dropped,
      status: run.ktap.status,
      caseLocation: ktapCaseLocation(run, "console"),
      streams: run.ktap.streams.map((s) => ({
        source: s.source,
        version: s.version,
        status: s.status,
        firstLine: s.firstLine,
        lastLine: s.lastLine,
        plan: s.plan ?? null,
        truncated: s.truncated ?? null,
        errors: s.errors
      }))
    } : null,
    diagnostics: record2.diagnostics ?? null,
    files: {
      console: RESULTS_FILES.console,
      qemuStderr: RESULTS_FILES.qemuStderr,
      qmpLog: RESULTS_FILES.qmpLog,
      junit: junitFile,
      reproducer: REPORT_FILES.reproducer,
      reproduce: REPRODUCE_FILES.manifest,
      ...run.injections ? { injections: RESULTS_FILES.injections } : {}
    }
  };
  return `${JSON.stringify(summary, null, 2)}
`;
}

// src/observe/rule-use.ts
function rulePoint(rule) {
  return rule.replace(/[[=].*$/s, "");
}
function ruleUse(canonicalRules, injections, points) {
  return canonicalRules.map((rule) => {
    const fires = injections?.perRule.find((r) => r.rule === rule);
    if (fires) return { rule, id: fires.id, layer: fires.layer, calls: void 0, fired: fires.fires, consulted: fires.fires > 0 };
    const point = points.find((p) => p.name === rulePoint(rule));
    return { rule, id: void 0, layer: "guest", calls: point?.calls, fired: point?.fails ?? 0, consulted: (point?.calls ?? 0) > 0 };
  });
}
function ruleLabel(use) {
  return use.id ? `rule ${use.id} (${use.rule})` : `rule ${use.rule}`;
}
function ruleUseProblem(use) {
  if (use.fired > 0) return void 0;
  if (use.layer !== "guest") return `${ruleLabel(use)} never fired (${use.layer} layer)`;
  if (!use.consulted) return `${ruleLabel(use)}: the guest never called point ${rulePoint(use.rule)}`;
  return `${ruleLabel(use)}: the guest called point ${rulePoint(use.rule)} ${use.calls} time(s) and it never failed`;
}
function unusedRuleWarning(use, requireFired2) {
  const hint = use.layer === "guest" ? `check that the guest's code consults it (qfi-fault, the SDK), or that the kernel has the fault-injection feature the point needs` : `check the rule's trigger against what the guest does`;
  return `${ruleUseProblem(use) ?? ruleLabel(use)}, so it tested nothing: ${hint}${requireFired2 ? "" : " (require-fired makes this a failure)"}`;
}

// src/observe/ktap-lines.ts
var versionLine = /^(K?TAP) version (\d+)$/;
var planLine = /^(\d+)\.\.(\d+)(?:\s*#\s*(.*)|\s.*)?$/;
var resultLine = /^(not ok|ok)(?:[ \t]+(\d+))?(?=[ \t]|$)[ \t]*(.*)$/;
var subtestLine = /^# Subtest(?::[ \t]*(.*))?$/;
var bailLine = /^Bail out!\s*(.*)$/i;
var tapDirective = /^(skip|todo)\S*(?:\s+(.*))?$/i;
var kernelDirective = /^(xfail|timeout|error)\b\s*(.*)$/i;
function classifyKtapLine(body2, dialect) {
  let m = versionLine.exec(body2);
  if (m) return { kind: "version", text: body2, ktap: m[1] === "KTAP", number: Number(m[2]) };
  m = planLine.exec(body2);
  if (m && (m[1] === "1" || dialect === "tap")) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    const comment = m[3]?.trim() || void 0;
    return { kind: "plan", start, count: Math.max(0, end - start + 1), comment: comment && dialect === "tap" ? unescapeTap(comment) : comment };
  }
  m = resultLine.exec(body2);
  if (m) return { kind: "result", ok: m[1] === "ok", number: m[2] === void 0 ? void 0 : Number(m[2]), ...readDescription(m[3], dialect) };
  m = subtestLine.exec(body2);
  if (m) return { kind: "subtest", name: dialect === "tap" ? unescapeTap((m[1] ?? "").trim()) : (m[1] ?? "").trim() };
  m = bailLine.exec(body2);
  if (m) return { kind: "bail", reason: m[1].trim() };
  return { kind: "other" };
}
function readDescription(rest, dialect) {
  const text = rest.replace(/^-(?:[ \t]+|$)/, "");
  const { description, comment } = splitComment(text, dialect);
  if (comment === void 0) return { name: description, directive: void 0, note: void 0 };
  const reason = (text2) => (dialect === "tap" ? unescapeTap(text2?.trim() ?? "") : text2?.trim()) || void 0;
  let m = tapDirective.exec(comment);
  if (m) return { name: description, directive: m[1].toUpperCase(), note: reason(m[2]) };
  m = kernelDirective.exec(comment);
  if (m) return { name: description, directive: m[1].toUpperCase(), note: reason(m[2]) };
  if (/^time=[\d.]+m?s$/.test(comment)) return { name: description, directive: void 0, note: comment };
  if (dialect === "tap") return { name: unescapeTap(text).trim(), directive: void 0, note: void 0 };
  return { name: description, directive: void 0, note: comment || void 0 };
}
function splitComment(text, dialect) {
  let description = "";
  for (let i2 = 0; i2 < text.length; i2++) {
    const c3 = text[i2];
    if (dialect === "tap" && c3 === "\\" && (text[i2 + 1] === "\\" || text[i2 + 1] === "#")) {
      description += text[i2 + 1];
      i2++;
      continue;
    }
    if (c3 === "#" && (dialect === "tap" || i2 === 0 || /\s/.test(text[i2 - 1]))) return { description: description.trim(), comment: text.slice(i2 + 1).trim() };
    description += c3;
  }
  return { description: description.trim(), comment: void 0 };
}
function unescapeTap(text) {
  return text.replace(/\\([\\#])/g, "$1");
}
var streamStart = /(K?TAP) version (\d+)\s*$/;
function findStreamStart(text) {
  const m = streamStart.exec(text);
  if (!m) return void 0;
  return { lead: text.slice(0, m.index), body: m[0].trim() };
}
var endMarker = /List of all partitions:|Kernel panic - not syncing: VFS:|reboot: System halted/;
function isKunitEndMarker(text) {
  return endMarker.test(text);
}
function isKunitExecutorLine(text) {
  return /kunit executor: /.test(text);
}
function indentWidth(text) {
  let width = 0;
  for (const c3 of text) {
    if (c3 === "	") width += 4;
    else if (c3 === " ") width++;
    else break;
  }
  return width;
}

// src/observe/ktap.ts
var maxStoredTests = 1e4;
var maxStreams = 200;
var maxDiagnostics = 40;
var maxNumbersTracked = 1e5;
var bareSubtestIndent = 4;
var zero = () => ({ passed: 0, failed: 0, crashed: 0, skipped: 0, errors: 0 });
function totalTests(c3) {
  return c3.passed + c3.failed + c3.crashed + c3.skipped;
}
function statusOfCounts(c3) {
  if (totalTests(c3) === 0) return "no-tests";
  if (c3.crashed) return "crash";
  if (c3.failed) return "fail";
  if (c3.passed) return "pass";
  return "skip";
}
function addStatus(c3, status) {
  if (status === "pass") c3.passed++;
  else if (status === "fail") c3.failed++;
  else if (status === "skip") c3.skipped++;
  else if (status === "crash") c3.crashed++;
}
function addCounts(into, add) {
  into.passed += add.passed;
  into.failed += add.failed;
  into.crashed += add.crashed;
  into.skipped += add.skipped;
  into.errors += add.errors;
}
var statusRank = { "no-tests": 0, skip: 1, pass: 2, fail: 3, crash: 4 };
function worstStatus(statuses) {
  return statuses.reduce((a2, b) => statusRank[b] > statusRank[a2] ? b : a2, "no-tests");
}
var newTest = (name, line) => ({
  name,
  status: "crash",
  directive: void 0,
  note: void 0,
  number: void 0,
  diagnostics: [],
  subtests: [],
  parent: false,
  errors: [],
  counts: zero(),
  line,
  firstLine: line
});
var KtapParser = class {
  constructor(source = "console") {
    this.source = source;
  }
  source;
  stack = [];
  stream;
  streams = [];
  stored = 0;
  dropped = 0;
  overflow = zero();
  lastLine = 0;
  /** Only blank lines and comments so far: a plan or result here starts TAP without a version. */
  atFileStart = true;
  executorLines = [];
  /** `pragma +strict` before the version line. */
  strictFromStart = false;
  addLine(raw, lineNo) {
    this.lastLine = lineNo;
    const text = raw.replace(/\s+$/, "");
    if (!this.stream) return this.seek(text, lineNo);
    if (isKunitEndMarker(text)) {
      this.stream.endMarker = { line: lineNo, text: shorten(stripPrintkPrefix(text).trim()) };
      return this.endStream(lineNo - 1, `kunit's end marker at ${this.source} line ${lineNo}`);
    }
    const own = this.unprefix(text);
    const body2 = own.trim();
    const indent = indentWidth(own);
    if (this.inYaml(body2, indent)) return;
    const line = classifyKtapLine(body2, this.stream.dialect);
    this.stream.lastResult = void 0;
    if (line.kind === "bail") return this.bailOut(line.reason, lineNo);
    if (line.kind === "other" && this.stream.dialect === "tap") this.tapLine(body2, lineNo);
    this.dispatch({ ...line, indent, lineNo, text: body2, raw: text });
  }
  /** The text is complete: whatever is still open was cut off. */
  end() {
    if (this.stream) this.endStream(this.lastLine, `the ${this.source} ended at line ${this.lastLine}`);
    if (this.streams.length === 0 && this.executorLines.length > 0) this.executorOnly();
    if (this.streams.length === 0 && totalTests(this.overflow) === 0) return void 0;
    const counts = { ...this.overflow };
    for (const stream of this.streams) addCounts(counts, stream.counts);
    return { streams: this.streams, counts, status: worstStatus(this.streams.map((s) => s.status)), dropped: this.dropped };
  }
  get top() {
    return this.stack[this.stack.length - 1];
  }
  seek(text, lineNo) {
    const start = findStreamStart(text);
    if (start) {
      const prefix = stripPrintkPrefix(start.lead);
      this.startStream(start.body, prefix.trimEnd(), indentWidth(prefix.slice(prefix.trimEnd().length)), lineNo);
      return;
    }
    if (isKunitExecutorLine(text) && this.executorLines.length < maxDiagnostics)
      this.executorLines.push({ line: lineNo, text: shorten(stripPrintkPrefix(text).trim()) });
    if (!this.atFileStart) return;
    const body2 = text.trim();
    if (/^pragma [+-]strict$/.test(body2)) this.strictFromStart = body2.includes("+");
    if (body2 === "" || body2.startsWith("#") || /^pragma [+-]/.test(body2)) return;
    this.atFileStart = false;
    const line = classifyKtapLine(body2, "tap");
    if (line.kind !== "plan" && line.kind !== "result") return;
    this.startStream("TAP", "", indentWidth(text), lineNo, false);
    this.dispatch({ ...line, indent: indentWidth(text), lineNo, text: body2, raw: text });
  }
  startStream(version, prefix, indent, lineNo, versioned = true) {
    this.atFileStart = false;
    const ktap = version.startsWith("KTAP");
    this.stream = {
      dialect: ktap ? "ktap" : "tap",
      version,
      firstLine: lineNo,
      prefix,
      errors: [],
      tapFailure: void 0,
      bail: void 0,
      truncated: void 0,
      endMarker: void 0,
      lastResult: void 0,
      yaml: void 0,
      extraNoted: false,
      strict: this.strictFromStart
    };
    const main = this.frame(newTest("main", lineNo), true, 0, indent, "plan");
    main.versioned = versioned;
    if (versioned) main.contentIndent = indent;
    main.test.parent = true;
    main.test.diagnostics.push(...this.executorLines.splice(0).map((l) => l.text));
    this.stack = [main];
    if (versioned) this.checkVersion(main, classifyKtapLine(version, "tap"), lineNo);
  }
  frame(test, main, expectedNum, headerIndent, phase) {
    return {
      test,
      main,
      named: false,
      versioned: false,
      bare: false,
      expectedNum,
      phase,
      plan: void 0,
      planStart: 1,
      minNumber: Infinity,
      maxNumber: 0,
      buffered: void 0,
      children: 0,
      childCounts: zero(),
      pending: [],
      headerIndent,
      contentIndent: void 0,
      spanStart: test.firstLine,
      leafByComment: false,
      numbers: /* @__PURE__ */ new Set()
    };
  }
  /**
   * The line without printk's prefix and the stream's. The stream's is cut by its length, as
   * kunit_parser cuts it, whether the line repeats it or not (a syslog timestamp differs per line).
   */
  unprefix(text) {
    return stripPrintkPrefix(text).slice(this.stream.prefix.length);
  }
  /** TAP's YAML block after a result: `---` indented deeper, up to `...` at the same indentation. */
  inYaml(body2, indent) {
    const stream = this.stream;
    if (stream.yaml) {
      if (body2 === "..." && indent === stream.yaml.indent) {
        stream.yaml = void 0;
        return true;
      }
      if (body2 === "" || indent > stream.yaml.indent || indent === stream.yaml.indent && body2 !== "---") {
        pushBounded(stream.yaml.test.diagnostics, body2);
        return true;
      }
      stream.yaml = void 0;
      return false;
    }
    const last = stream.lastResult;
    if (last && body2 === "---" && indent > last.indent) {
      stream.yaml = { test: last.test, indent };
      stream.lastResult = void 0;
      return true;
    }
    return false;
  }
  /** TAP pragmas, and lines that are not TAP while `pragma +strict` holds. */
  tapLine(body2, lineNo) {
    const stream = this.stream;
    const pragma = /^pragma ([+-])strict$/.exec(body2);
    if (pragma) stream.strict = pragma[1] === "+";
    else if (stream.strict && body2 !== "" && !body2.startsWith("#"))
      stream.tapFailure ??= `a line that is not TAP under pragma +strict (${this.source} line ${lineNo}: ${shorten(body2, 80)})`;
  }
  /** Hands the line to the innermost open test; each step takes it or closes a level, so this ends. */
  dispatch(tok) {
    for (let steps = 0; this.stream; steps++) {
      if (steps > 4 * this.stack.length + 8) return this.diagnostic(tok.text);
      if (this.step(this.top, tok)) return;
    }
    this.seek(tok.raw, tok.lineNo);
  }
  step(f, tok) {
    if (f.buffered && tok.kind === "other" && tok.text === "}" && tok.indent === f.headerIndent) {
      this.fillMissing(f, tok.lineNo);
      if (f.children === 0) f.leafByComment = true;
      this.applyResult(f.test, f.buffered, f.expectedNum, this.stack[this.stack.length - 2]);
      this.finish(f);
      return true;
    }
    switch (f.phase) {
      case "afterVersion":
        f.phase = "plan";
        if (tok.kind === "subtest") {
          this.name(f, tok.name);
          return true;
        }
        return false;
      case "plan":
        if (tok.kind === "other") {
          pushBounded(f.test.diagnostics, tok.text);
          return true;
        }
        if (tok.kind === "plan" && !this.opensBareSubtest(f, tok)) {
          this.setPlan(f, tok);
          f.phase = !f.main && f.plan === 0 ? "result" : "children";
          return true;
        }
        if (tok.kind === "version" && f.named && !f.versioned && !f.main) {
          f.versioned = true;
          this.checkVersion(f, tok, tok.lineNo);
          return true;
        }
        f.phase = "children";
        return false;
      case "children":
        return this.childStep(f, tok);
      case "result":
        return this.resultStep(f, tok);
    }
  }
  childStep(f, tok) {
    const stream = this.stream;
    if (tok.kind === "other") {
      pushBounded(f.pending, tok.text);
      return true;
    }
    if (f.contentIndent === void 0) f.contentIndent = tok.indent;
    if (f.main) {
      const complete = f.plan !== void 0 && f.children >= f.plan;
      const topLevel = tok.indent <= f.headerIndent;
      if (tok.kind === "version" && topLevel && (complete || f.plan === void 0 && f.children > 0)) {
        this.endStream(tok.lineNo - 1, "");
        return false;
      }
      if (tok.kind === "version" && topLevel && stream.dialect === "tap") {
        pushBounded(f.pending, tok.text);
        return true;
      }
      if (complete) {
        if (tok.kind !== "result" || tok.indent > (f.contentIndent ?? tok.indent)) {
          pushBounded(f.pending, tok.text);
          return true;
        }
        if (!stream.extraNoted) {
          stream.extraNoted = true;
          this.error(f.test, `result beyond the plan of ${f.plan} (${this.source} line ${tok.lineNo}: ${shorten(tok.text, 80)})`);
          stream.tapFailure ??= `planned ${f.plan} tests but reported more`;
        }
        this.leaf(f, tok);
        return true;
      }
    } else if (tok.kind === "result" && !f.buffered) {
      const comment = f.named && f.children === 0 && f.plan === void 0 && tok.indent === f.headerIndent && tok.name === f.test.name;
      const closes = comment || (f.named ? closesNamed(f, tok) : f.plan === void 0 && f.contentIndent !== void 0 && tok.indent < f.contentIndent);
      if (closes) {
        if (comment) f.leafByComment = true;
        this.fillMissing(f, tok.lineNo);
        f.phase = "result";
        return false;
      }
    }
    if (tok.kind === "plan") {
      if (f.plan === void 0 && f.children > 0 && tok.indent <= (f.contentIndent ?? tok.indent)) {
        this.setPlan(f, tok);
        if (f.children < f.plan) {
          stream.tapFailure ??= `planned ${f.plan} tests, got ${f.children}`;
          this.fillMissing(f, tok.lineNo);
        } else if (f.children > f.plan) {
          this.error(f.test, `planned ${f.plan} tests, got ${f.children} (${this.source} line ${tok.lineNo})`);
          stream.tapFailure ??= `planned ${f.plan} tests, got ${f.children}`;
        }
        if (!f.main) f.phase = "result";
        return true;
      }
      if (this.opensBareSubtest(f, tok)) return this.openChild(f, tok, "plan", true);
      pushBounded(f.pending, tok.text);
      return true;
    }
    if (tok.kind === "result") {
      if (this.opensBareSubtest(f, tok)) return this.openChild(f, tok, "children", true);
      this.leaf(f, tok);
      return true;
    }
    if (this.opensBareSubtest(f, tok, 2)) return this.openChild(f, tok, "children", true);
    if (tok.kind === "version") return this.openChild(f, tok, "afterVersion", false);
    return this.openChild(f, tok, "plan", false);
  }
  opensBareSubtest(f, tok, levels = 1) {
    return this.stream.dialect === "tap" && f.contentIndent !== void 0 && tok.indent >= f.contentIndent + levels * bareSubtestIndent;
  }
  /** A new child of `f` starting at `tok`: a parent frame. Returns whether `tok` was taken. */
  openChild(f, tok, phase, bare) {
    const test = { ...newTest("", tok.lineNo), firstLine: f.spanStart, parent: true };
    test.diagnostics.push(...f.pending.splice(0));
    const child = this.frame(test, false, f.children + 1, tok.indent, phase);
    child.bare = bare;
    this.stack.push(child);
    if (tok.kind === "version") {
      child.versioned = true;
      this.checkVersion(child, tok, tok.lineNo);
      return true;
    }
    if (tok.kind === "subtest") {
      this.name(child, tok.name);
      return true;
    }
    child.contentIndent = bare ? f.contentIndent + bareSubtestIndent : tok.indent;
    return false;
  }
  /** `ok 1 - name {`: a subtest whose result line comes before its indented lines and `}`. */
  openBuffered(f, tok) {
    const test = { ...newTest(tok.name.replace(/\s*\{$/, ""), tok.lineNo), firstLine: f.spanStart, parent: true };
    test.diagnostics.push(...f.pending.splice(0));
    const child = this.frame(test, false, f.children + 1, tok.indent, "plan");
    child.buffered = { ...tok, name: test.name };
    child.contentIndent = tok.indent + bareSubtestIndent;
    this.stack.push(child);
  }
  name(f, name) {
    f.named = true;
    f.test.name = name;
  }
  /** The result line of frame `f` (a parent), or what stands where it should be. */
  resultStep(f, tok) {
    if (tok.kind === "other") {
      pushBounded(f.test.diagnostics, tok.text);
      return true;
    }
    if (tok.kind === "result" && (!f.named || closesNamed(f, tok))) {
      this.applyResult(f.test, tok, f.expectedNum, this.stack[this.stack.length - 2]);
      this.finish(f);
      this.stream.lastResult = { test: f.test, indent: tok.indent };
      return true;
    }
    if (f.named) this.error(f.test, `missing subtest result line! (${this.source} line ${tok.lineNo}: ${shorten(tok.text, 80)})`);
    f.test.line = tok.lineNo - 1;
    this.finish(f);
    return false;
  }
  /** A test case: one result line. */
  leaf(f, tok) {
    if (this.stream.dialect === "tap" && /(^|\s)\{$/.test(tok.name)) return this.openBuffered(f, tok);
    const test = { ...newTest("", tok.lineNo), firstLine: f.spanStart };
    test.diagnostics.push(...f.pending.splice(0));
    this.applyResult(test, tok, f.children + 1, f);
    addStatus(test.counts, test.status);
    this.adopt(f, test);
    this.stream.lastResult = { test, indent: tok.indent };
  }
  applyResult(test, tok, expectedNum, parent) {
    test.name = tok.name || test.name || `test ${tok.number ?? expectedNum}`;
    test.line = tok.lineNo;
    test.number = tok.number;
    test.directive = tok.directive;
    test.note = tok.note;
    test.status = resultStatus(tok.ok, tok.directive);
    if (parent?.main && tok.indent < parent.headerIndent) parent.headerIndent = tok.indent;
    if (tok.number === void 0) return;
    if (tok.number !== expectedNum) this.error(test, `Expected test number ${expectedNum} but found ${tok.number} (${this.source} line ${tok.lineNo})`);
    if (!parent || this.stream.dialect !== "tap") return;
    if (parent.numbers.has(tok.number)) this.stream.tapFailure ??= `test number ${tok.number} appears more than once (${this.source} line ${tok.lineNo})`;
    else if (parent.numbers.size < maxNumbersTracked) parent.numbers.add(tok.number);
    parent.minNumber = Math.min(parent.minNumber, tok.number);
    parent.maxNumber = Math.max(parent.maxNumber, tok.number);
    if (parent.plan !== void 0 && !inPlan(parent, tok.number))
      this.stream.tapFailure ??= `test number ${tok.number} is outside the plan ${parent.planStart}..${parent.planStart + parent.plan - 1} (${this.source} line ${tok.lineNo})`;
  }
  setPlan(f, tok) {
    f.plan = tok.count;
    f.planStart = tok.start;
    for (const n2 of f.maxNumber > 0 ? [f.minNumber, f.maxNumber] : []) {
      if (!inPlan(f, n2))
        this.stream.tapFailure ??= `test number ${n2} is outside the plan ${tok.start}..${tok.start + tok.count - 1} (${this.source} line ${tok.lineNo})`;
    }
    if (tok.count === 0 && tok.comment && (this.stream.dialect === "tap" || /^skip\b/i.test(tok.comment))) {
      f.test.directive = "SKIP";
      f.test.note = tok.comment.replace(/^skip\S*\s*/i, "") || void 0;
    }
  }
  checkVersion(f, tok, lineNo) {
    const accepted = tok.ktap ? [1, 1] : [13, 14];
    const stream = this.stream;
    if ((tok.number < accepted[0] || tok.number > accepted[1]) && stream.strict)
      stream.tapFailure ??= `${tok.text} under pragma +strict (${this.source} line ${lineNo})`;
    if (tok.number < accepted[0]) this.error(f.test, `${tok.ktap ? "KTAP" : "TAP"} version lower than expected! (${this.source} line ${lineNo})`);
    else if (tok.number > accepted[1]) this.error(f.test, `${tok.ktap ? "KTAP" : "TAP"} version higher than expected! (${this.source} line ${lineNo})`);
  }
  /** kunit_parser: each planned child that never came is a crashed test and an error. */
  fillMissing(f, lineNo, why) {
    if (f.plan === void 0 || f.children >= f.plan) return;
    const missing = f.plan - f.children;
    const last = f.test.subtests.at(-1);
    const range = missing === 1 ? `test ${f.children + 1} of ${f.plan}` : `tests ${f.children + 1}-${f.plan} of ${f.plan}`;
    this.error(
      f.test,
      `missing expected subtest! ${range} never reported${last ? `; the last result was ${last.name}` : ""} (${why || `${this.source} line ${lineNo}`})`
    );
    for (let i2 = 1; i2 < missing; i2++) this.error(f.test, "", false);
    const n2 = f.children + 1;
    const placeholder = {
      ...newTest(missing === 1 ? `(no result for test ${n2} of ${f.plan})` : `(no results for tests ${n2}-${f.plan} of ${f.plan})`, lineNo),
      firstLine: f.spanStart,
      synthetic: true
    };
    placeholder.number = n2;
    placeholder.errors.push(`missing expected subtest!${missing === 1 ? "" : ` (${missing} of them)`}`);
    placeholder.counts.crashed = missing;
    placeholder.diagnostics.push(...f.pending.splice(0));
    this.adopt(f, placeholder, missing);
  }
  /** Closes `f`: kunit_parser's "0 tests run!" and bubble_up_test_results; hands it to its parent. */
  finish(f) {
    this.stack.pop();
    const test = f.test;
    test.diagnostics.push(...f.pending.splice(0));
    if (f.leafByComment) {
      test.parent = false;
    } else if (f.children === 0 && (test.status === "crash" || test.status === "pass")) {
      test.status = "no-tests";
      this.error(test, `0 tests run! (${this.source} line ${test.line})`);
    }
    addCounts(test.counts, f.childCounts);
    if (totalTests(f.childCounts) === 0) addStatus(test.counts, test.status);
    else if (statusOfCounts(f.childCounts) === "crash") test.status = "crash";
    else if (test.status === "fail" && (statusOfCounts(f.childCounts) === "pass" || statusOfCounts(f.childCounts) === "skip")) {
      test.counts.failed++;
    }
    this.adopt(this.top, test);
  }
  /** Stores a finished child in `f` (within the budget) and counts it. */
  adopt(f, test, positions = 1) {
    f.children += positions;
    f.spanStart = test.line + 1;
    addCounts(f.childCounts, test.counts);
    if (!f.main && f.plan !== void 0 && f.children >= f.plan && f.phase === "children" && this.top === f) f.phase = "result";
    if (test.subtests.length === 0 && this.stored >= maxStoredTests) {
      this.dropped++;
      return;
    }
    if (test.subtests.length === 0) this.stored++;
    f.test.subtests.push(test);
  }
  bailOut(reason, lineNo) {
    const stream = this.stream;
    stream.bail = `Bail out! at ${this.source} line ${lineNo}${reason ? `: ${shorten(reason)}` : ""}`;
    this.error(this.stack[0].test, stream.bail);
    this.endStream(lineNo, `the producer bailed out at ${this.source} line ${lineNo}`);
  }
  /** Ends the stream: open tests are closed as kunit_parser closes them at the end of its input. */
  endStream(lineNo, why) {
    const stream = this.stream;
    while (this.stack.length > 1) {
      const f = this.top;
      stream.truncated ??= `${this.pathTo(f.test)} ${stoppedAfter(f)}: ${why || `a new stream began at ${this.source} line ${lineNo + 1}`}`;
      if (f.phase !== "result") this.fillMissing(f, lineNo, why);
      if (f.named) this.error(f.test, `missing subtest result line! (${why || `a new stream began at ${this.source} line ${lineNo + 1}`})`);
      f.test.line = Math.max(f.test.firstLine, lineNo);
      this.finish(f);
    }
    const main = this.stack[0];
    if (main.plan !== void 0 && main.children < main.plan)
      stream.truncated ??= `stream at ${this.source} line ${stream.firstLine} ${stoppedAfter(main)}: ${why}`;
    this.fillMissing(main, lineNo, why);
    const test = main.test;
    test.diagnostics.push(...main.pending.splice(0));
    let status;
    if (main.plan === 0 && test.directive === "SKIP") {
      status = "skip";
    } else if (main.children === 0) {
      status = "no-tests";
      this.error(test, `0 tests run! (${this.source} line ${stream.firstLine})`);
    } else {
      addCounts(test.counts, main.childCounts);
      status = statusOfCounts(test.counts);
    }
    const kunitSuites = test.subtests.length > 0 && test.subtests.every((t) => t.parent);
    if (main.plan === void 0 && main.children > 0 && stream.dialect === "tap" && !kunitSuites) {
      this.error(
        test,
        `no plan (1..N) after ${main.children} result${main.children === 1 ? "" : "s"}: nothing says the stream was complete (${this.source} lines ${stream.firstLine}-${lineNo})`
      );
      stream.tapFailure ??= "no plan";
      stream.truncated ??= `stream at ${this.source} line ${stream.firstLine} has no plan (1..N) after ${main.children} result${main.children === 1 ? "" : "s"}: ${why || "it ended"}`;
    }
    if (stream.bail) status = "crash";
    else if (stream.dialect === "tap" && stream.tapFailure && statusRank[status] < statusRank.fail) status = "fail";
    const done = {
      source: this.source,
      version: stream.version,
      dialect: stream.dialect,
      firstLine: stream.firstLine,
      lastLine: Math.max(stream.firstLine, lineNo),
      plan: main.plan,
      status,
      counts: test.counts,
      tests: test.subtests,
      errors: [...test.errors.map((e) => `top level: ${e}`), ...stream.errors],
      truncated: stream.bail ?? stream.truncated,
      endMarker: stream.endMarker
    };
    if (stream.dialect === "tap" && stream.tapFailure && !done.errors.some((e) => e.includes(stream.tapFailure)))
      done.errors.push(`TAP: ${stream.tapFailure}`);
    if (this.streams.length < maxStreams) this.streams.push(done);
    else addCounts(this.overflow, done.counts);
    this.stream = void 0;
    this.stack = [];
  }
  /** kunit_parser on `kunit executor:` lines and no KTAP: a test run that ran nothing. */
  executorOnly() {
    const first = this.executorLines[0];
    const test = newTest("main", first.line);
    const errors = [`0 tests run! ${this.executorLines.map((l) => l.text).join("; ")}`];
    this.streams.push({
      source: this.source,
      version: "(none)",
      dialect: "ktap",
      firstLine: first.line,
      lastLine: this.executorLines.at(-1).line,
      plan: void 0,
      status: "no-tests",
      counts: { ...test.counts, errors: 1 },
      tests: [],
      errors,
      truncated: void 0,
      endMarker: void 0
    });
  }
  /** An error on `test`, counted as kunit_parser counts it, and listed with the stream's errors. */
  error(test, message, list2 = true) {
    test.counts.errors++;
    if (!list2) return;
    test.errors.push(message);
    if (test !== this.stack[0]?.test) this.stream.errors.push(`${this.pathTo(test)}: ${message}`);
  }
  pathTo(test) {
    const names = this.stack.slice(1).map((f) => f.test.name || `(test ${f.expectedNum})`);
    if (!this.stack.some((f) => f.test === test)) names.push(test.name || "(test)");
    return names.join(".") || "top level";
  }
  /** A line that is not KTAP: a diagnostic of whatever is running at the innermost level. */
  diagnostic(text) {
    const f = this.top;
    if (!f) return;
    if (f.phase === "children") pushBounded(f.pending, text);
    else pushBounded(f.test.diagnostics, text);
  }
};
function stoppedAfter(f) {
  const last = f.test.subtests.at(-1);
  const counted = f.plan === void 0 ? `${f.children} result${f.children === 1 ? "" : "s"}` : `${f.children} of ${f.plan} results`;
  return `stopped ${last ? `after ${last.name}` : "before its first result"} (${counted})`;
}
function inPlan(f, n2) {
  return n2 >= f.planStart && n2 < f.planStart + f.plan;
}
function closesNamed(f, tok) {
  return tok.name === f.test.name || tok.name === "" && f.plan === 0;
}
function pushBounded(lines, text) {
  if (lines.length < maxDiagnostics) lines.push(shorten(text));
  else if (lines.length === maxDiagnostics) lines.push("\u2026 (more lines)");
}
function resultStatus(ok, directive) {
  if (directive === "SKIP") return "skip";
  if (directive === "TODO" || directive === "XFAIL") return ok ? "pass" : "skip";
  if (directive === "TIMEOUT" || directive === "ERROR") return "fail";
  return ok ? "pass" : "fail";
}
function parseKtap(text, source = "console") {
  const parser = new KtapParser(source);
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  lines.forEach((line, i2) => parser.addLine(line.replace(/\r$/, ""), i2 + 1));
  return parser.end();
}
function ktapCases(tests, path6 = []) {
  const out = [];
  const visit = (t, at) => {
    const here = [...at, t.name];
    if (t.subtests.length) t.subtests.forEach((s) => visit(s, here));
    else out.push({ path: here, test: t });
  };
  tests.forEach((t) => visit(t, path6));
  return out;
}
function mergeKtapReports(reports) {
  const present = reports.filter((r) => r !== void 0);
  if (present.length <= 1) return present[0];
  const counts = zero();
  for (const r of present) addCounts(counts, r.counts);
  return {
    streams: present.flatMap((r) => r.streams),
    counts,
    status: worstStatus(present.map((r) => r.status)),
    dropped: present.reduce((n2, r) => n2 + r.dropped, 0)
  };
}

// src/report/summary-md.ts
var verdictIcon = {
  pass: "\u2705",
  fail: "\u274C",
  panic: "\u{1F4A5}",
  hang: "\u23F3",
  "boot-timeout": "\u23F3",
  "infra-error": "\u26A0\uFE0F"
};
var cell = (text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");
var secs = (ms) => ms === void 0 ? "\u2013" : `${(ms / 1e3).toFixed(2)} s`;
var maxExcerptChars = 16e3;
var maxSummaryBytes = 64 * 1024;
var maxRows = 10;
var maxRuleRows = 50;
function toSummaryMarkdown(run) {
  const { record: record2, plan, provisioned } = run;
  const out = [
    `### qfi: ${cell(run.scenario)} ${verdictIcon[run.verdict]} ${run.verdict}`,
    "",
    "| verdict | reason | exit code | boot | test | wall | QEMU | accel |",
    "|---|---|---|---|---|---|---|---|",
    `| ${verdictIcon[run.verdict]} ${run.verdict} | ${cell(toReportText(run.reason))} | ${record2.commandExitCode ?? "\u2013"} | ${secs(record2.bootMs)} | ${secs(record2.testMs)} | ${secs(record2.wallMs)} | ${provisioned.qemuVersion} | ${provisioned.accel} |`,
    "",
    `**Rules** (seed ${plan.seed}): ${plan.canonicalRules.length ? plan.canonicalRules.map((r) => `\`${r}\``).join(", ") : "none delivered"}`,
    "",
    `**Kernel**: ${cell(provisioned.kernelDescription)}`
  ];
  out.push(...rulesSection(run));
  out.push(...pointsSection(run));
  const top = topFinding(run.record.events, run.ktap);
  if (top) out.push("", `**Top problem**: ${top.kind} at ${top.where}: \`${cell(clip(toReportText(top.text), 300)).replaceAll("`", "'")}\``);
  if (run.summary.problems.length) {
    out.push("", "**Console problems** (worst first)", "", "| problem | count | first line | text |", "|---|---|---|---|");
    const expected = expectedReportCounts(run.record.events, run.ktap);
    for (const p of run.summary.problems.slice(0, maxRows)) {
      const provoked = expected.get(p.kind);
      const count2 = provoked ? `${p.count} (${provoked === p.count ? "all" : provoked} provoked by passing KTAP tests)` : String(p.count);
      out.push(`| ${p.kind} | ${count2} | ${p.firstLine} | ${cell(clip(toReportText(p.text), 200))} |`);
    }
  }
  if (run.ktap) out.push("", ...ktapSection(run.ktap));
  const { ranked, tail } = excerptParts(run);
  const excerpt = [...ranked, ...ranked.length && tail.length ? ["\u2026"] : [], ...tail].join("\n");
  if (run.verdict !== "pass" && excerpt) {
    const text = toReportText(excerpt).replaceAll("```", "`\u200B``");
    out.push(
      "",
      "<details open><summary>Console excerpt</summary>",
      "",
      "```text",
      text.length > maxExcerptChars ? `${text.slice(0, maxExcerptChars)}
\u2026 (cut at ${maxExcerptChars} characters: console.log in the results has it all)` : text,
      "```",
      "",
      "</details>"
    );
  }
  return boundMarkdown(`${out.join("\n")}
`, maxSummaryBytes);
}
function rulesSection(run) {
  if (run.ruleUse.length === 0) return [];
  const out = ["", "**Rules and what fired**", "", "| rule | layer | calls | fired | first |", "|---|---|---|---|---|"];
  const firstOf = (rule) => {
    const r = run.injections?.perRule.find((p) => p.rule === rule);
    return r?.firstIcount !== void 0 ? `instruction ${r.firstIcount}` : r?.firstAtMs !== void 0 ? `${(r.firstAtMs / 1e3).toFixed(3)} s` : "\u2013";
  };
  for (const u2 of run.ruleUse.slice(0, maxRuleRows)) {
    const fired = u2.consulted ? String(u2.fired) : `\u26A0\uFE0F ${u2.layer === "guest" ? "never consulted" : "never fired"}`;
    out.push(`| \`${cell(u2.rule)}\` | ${u2.layer} | ${u2.calls ?? "\u2013"} | ${fired} | ${firstOf(u2.rule)} |`);
  }
  if (run.ruleUse.length > maxRuleRows) out.push("", `\u2026 and ${run.ruleUse.length - maxRuleRows} more rules (summary.json has them all).`);
  const unused = run.ruleUse.filter((u2) => !u2.consulted);
  const problems = run.ruleUse.map(ruleUseProblem).filter((p) => p !== void 0);
  if (run.plan.requireFired && problems.length) {
    out.push("", `> [!CAUTION]
> require-fired: ${problems.map(cell).join("; ")}. Every rule must fire for the run to pass.`);
  } else if (unused.length) {
    const names = unused.map((u2) => `\`${cell(u2.rule)}\``).join(", ");
    out.push(
      "",
      `> [!WARNING]
> ${names}: nothing consulted ${unused.length === 1 ? "this rule" : "these rules"}, so the run tested nothing with ${unused.length === 1 ? "it" : "them"}. Check that the guest consults the point (qfi-fault, the SDK) or that the kernel has the fault-injection feature it needs; \`require-fired\` makes this a failure.`
    );
  }
  if (run.injections?.unattributed) out.push("", `${run.injections.unattributed} block error(s) no rule explains (real I/O errors of the host?).`);
  return out;
}
function pointsSection(run) {
  if (run.points.length === 0) return [];
  const out = ["", "**Guest points**", "", "| point | calls | failed |", "|---|---|---|"];
  for (const p of run.points.slice(0, maxRuleRows)) out.push(`| \`${cell(p.name)}\` | ${p.calls ?? "registered"} | ${p.fails ?? "\u2013"} |`);
  if (run.points.length > maxRuleRows) out.push("", `\u2026 and ${run.points.length - maxRuleRows} more points (summary.json has them all).`);
  return out;
}
var clip = (text, max) => text.length > max ? `${text.slice(0, max)}\u2026` : text;
function ktapSection(ktap) {
  const c3 = ktap.counts;
  const total = totalTests(c3);
  const out = [
    `**KTAP**: ${ktap.streams.length} stream${ktap.streams.length === 1 ? "" : "s"} (${ktap.status}), ${total} test${total === 1 ? "" : "s"}: ${c3.passed} passed, ${c3.failed} failed, ${c3.skipped} skipped${c3.crashed ? `, ${c3.crashed} crashed (no result)` : ""}${c3.errors ? `, ${c3.errors} parser error${c3.errors === 1 ? "" : "s"}` : ""}`
  ];
  const errors = ktap.streams.flatMap((s) => s.errors);
  for (const e of errors.slice(0, 3)) out.push(`- \u26A0\uFE0F ${cell(clip(toReportText(e), 300))}`);
  const bad = badTests(ktap);
  if (bad.length) {
    out.push("", "| test | result | first diagnostic |", "|---|---|---|");
    for (const { path: path6, test } of bad.slice(0, maxRows)) {
      const first = test.errors[0] ?? test.diagnostics.find((d) => d.trim() !== "") ?? "";
      out.push(`| \`${cell(clip(path6, 120))}\` | ${test.status === "crash" ? "no result" : "not ok"} | ${cell(clip(toReportText(first), 200))} |`);
    }
    if (bad.length > maxRows) out.push("", `\u2026 and ${bad.length - maxRows} more (see junit.xml).`);
  }
  return out;
}
function badTests(ktap) {
  return ktap.streams.flatMap((s) => ktapCases(s.tests)).filter(({ test }) => test.status === "fail" || test.status === "crash").map(({ path: path6, test }) => ({ path: path6.join("."), test }));
}
function boundMarkdown(markdown, maxBytes) {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown;
  const note = "\n\u2026 (summary cut to stay within the job summary size limit; the full log is console.log in the results)\n";
  const closing = "\n```\n\n</details>\n";
  let cut = markdown.slice(0, maxBytes - note.length - closing.length);
  while (Buffer.byteLength(cut) > maxBytes - note.length - closing.length) cut = cut.slice(0, -1024);
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf("\n")));
  const fences = (cut.match(/^```/gm) ?? []).length;
  const inDetails = cut.lastIndexOf("<details") > cut.lastIndexOf("</details>");
  return `${cut}${fences % 2 === 1 ? "\n```" : ""}${inDetails ? "\n\n</details>" : ""}${note}`;
}

// src/report/write-reports.ts
var JUNIT_FILE = REPORT_FILES.junit;
var PART_JUNIT_FILE = REPORT_FILES.partJunit;
function reportFilesIn(dir, opts = {}) {
  return {
    junit: join5(dir, opts.part ? PART_JUNIT_FILE : JUNIT_FILE),
    summaryJson: join5(dir, REPORT_FILES.summaryJson),
    summaryMarkdown: join5(dir, REPORT_FILES.summaryMarkdown)
  };
}
function writeReports(run, dir, opts = {}) {
  const files = reportFilesIn(dir, opts);
  writeResultFile(files.junit, toJUnit(run, { scenarioCase: opts.part === true }));
  writeResultFile(files.summaryJson, toSummaryJson(run, basename2(files.junit)));
  writeResultFile(files.summaryMarkdown, toSummaryMarkdown(run));
  return files;
}

// src/campaign/stats.ts
var Z95 = 1.959963984540054;
function wilsonInterval(failures, trials, z = Z95) {
  if (trials === 0) return { low: 0, high: 1 };
  const p = failures / trials;
  const z2 = z * z;
  const denom = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / denom;
  const half = z / denom * Math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
var failed = (r) => r.verdict !== "pass";
function pointStats(results) {
  const rows = /* @__PURE__ */ new Map();
  for (const r of results) {
    if (r.recheckOf !== void 0) continue;
    const key = `${r.point} ${r.action}`;
    const row = rows.get(key) ?? { point: r.point, action: r.action, trials: 0, failures: 0, rate: 0, low: 0, high: 1, flaky: false, failingSeeds: [] };
    row.trials++;
    if (failed(r)) {
      row.failures++;
      row.failingSeeds.push(r.seed);
    }
    rows.set(key, row);
  }
  for (const recheck of results.filter((r) => r.recheckOf !== void 0)) {
    const original = results.find((r) => r.id === recheck.recheckOf);
    if (original && failed(original) !== failed(recheck)) {
      const row = rows.get(`${original.point} ${original.action}`);
      if (row) row.flaky = true;
    }
  }
  return [...rows.values()].map((row) => ({ ...row, rate: row.trials ? row.failures / row.trials : 0, ...wilsonInterval(row.failures, row.trials) }));
}
function compareWithHistory(now, previous) {
  return now.map((row) => {
    const before = previous.find((p) => p.point === row.point && p.action === row.action);
    if (!before) return { ...row, trend: "new-point" };
    let trend = "same";
    if (before.failures === 0 && row.failures > 0) trend = "new-failure";
    else if (row.low > before.high) trend = "worse";
    else if (row.high < before.low) trend = "better";
    const { trials, failures, rate, low, high } = before;
    return { ...row, trend, previous: { trials, failures, rate, low, high } };
  });
}
var isRegression = (row) => row.trend === "new-failure" || row.trend === "worse";

// src/campaign/snapshot/classify.ts
var TRIAL_CLASSES = ["benign", "sdc", "detected", "crash", "hang"];
function testOutput(consoleText) {
  return consoleText.split("\n").map((line) => line.replace(/\r$/, "")).filter((line) => line.trim() !== "" && !isProtocolLine(line) && !/^\[\s*\d+\.\d+\]/.test(line)).join("\n");
}
function firstDifference(golden, output) {
  const a2 = golden.split("\n");
  const b = output.split("\n");
  for (let i2 = 0; i2 < Math.max(a2.length, b.length); i2++) {
    if (a2[i2] !== b[i2]) return `line ${i2 + 1}: expected ${JSON.stringify(a2[i2] ?? "(end of output)")}, got ${JSON.stringify(b[i2] ?? "(end of output)")}`;
  }
  return "no line differs";
}
function classifyTrial(run, goldenOutput) {
  switch (run.verdict) {
    case "infra-error":
      return void 0;
    case "panic":
      return { class: "crash", verdict: "panic", reason: run.reason };
    case "hang":
    case "boot-timeout":
      return { class: "hang", verdict: "hang", reason: run.reason };
    case "fail":
      return { class: "detected", verdict: "fail", reason: `the guest reported the error: ${run.reason}` };
    case "pass": {
      const warning = run.events.find((e) => e.kind === "warning");
      if (warning) return { class: "detected", verdict: "fail", reason: `the kernel warned (console line ${warning.line}): ${warning.text.trim()}` };
      if (run.output === goldenOutput) return { class: "benign", verdict: "pass", reason: "same output as the golden runs" };
      return {
        class: "sdc",
        verdict: "fail",
        reason: `silent data corruption: the test passed but its output differs from the golden runs' (${firstDifference(goldenOutput, run.output)})`
      };
    }
  }
}

// src/campaign/snapshot/class-table.ts
function classTable(results) {
  const trials = results.filter((r) => r.recheckOf === void 0);
  const regions = [...new Set(trials.map((r) => r.point))];
  const row = (region, mine) => {
    const classified = mine.filter((r) => r.class !== void 0);
    return {
      region,
      trials: classified.length,
      counts: TRIAL_CLASSES.map((c3) => {
        const count2 = classified.filter((r) => r.class === c3).length;
        return { count: count2, rate: classified.length ? count2 / classified.length : 0, ...wilsonInterval(count2, classified.length) };
      }),
      unclassified: mine.length - classified.length
    };
  };
  const rows = regions.map(
    (region) => row(
      region,
      trials.filter((r) => r.point === region)
    )
  );
  return { classes: TRIAL_CLASSES, rows: rows.length > 1 ? [...rows, row("all", trials)] : rows };
}

// src/campaign/report.ts
function writeCampaignReports(report, dir, opts) {
  const files = {
    json: join6(dir, REPORT_FILES.campaign),
    junit: join6(dir, opts.part ? PART_JUNIT_FILE : JUNIT_FILE),
    markdown: join6(dir, REPORT_FILES.summaryMarkdown)
  };
  writeResultFile(files.json, `${JSON.stringify(report, null, 2)}
`);
  const suites = report.results.flatMap((r) => {
    const file = [PART_JUNIT_FILE, JUNIT_FILE].map((name) => join6(dir, r.dir, name)).find((f) => existsSync7(f));
    return file ? junitSuites(readFileSync3(file, "utf8")) : [missingSuite(r.id, `no JUnit file (${PART_JUNIT_FILE}) in ${r.dir}`)];
  });
  writeResultFile(files.junit, mergeJUnit(report.name, suites));
  writeResultFile(files.markdown, campaignMarkdown(report));
  return files;
}
var pct = (x) => `${(x * 100).toFixed(1)}%`;
var cell2 = (text) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
var MAX_ROWS = 200;
var MAX_CAMPAIGN_SUMMARY_BYTES = 512 * 1024;
function campaignMarkdown(report) {
  const icon = report.verdict === "pass" ? "\u2705" : "\u274C";
  const trials = report.results.filter((r) => r.recheckOf === void 0);
  const lines = [
    `## ${icon} qfi campaign ${report.name}: ${report.verdict}`,
    "",
    `${report.reason}.`,
    "",
    `Kind \`${report.kind}\`, ${trials.length} scenario(s) (${report.part}), seed ${report.seed}${report.history ? `, compared with ${report.history}` : ""}.`
  ];
  if (report.probe) lines.push("", `Probe run (no faults): ${report.probe.verdict} \u2014 ${report.probe.reason}.`);
  if (report.notes.length) lines.push("", ...report.notes.map((n2) => `- ${n2}`));
  if (report.kind === "snapshot") lines.push(...snapshotMarkdown(report));
  else if (report.stats.length && (report.kind === "chaos" || trials.some((r) => r.trial !== void 0))) {
    lines.push(
      "",
      "### Failure rate per point (95% Wilson interval)",
      "",
      "| point | action | failed / trials | rate | 95% interval | flaky | trend |",
      "|---|---|---|---|---|---|---|"
    );
    for (const s of report.stats) {
      const trend = s.trend ? `${s.trend}${s.previous ? ` (was ${pct(s.previous.rate)} of ${s.previous.trials})` : ""}` : "";
      lines.push(
        `| \`${cell2(s.point)}\` | \`${s.action}\` | ${s.failures} / ${s.trials} | ${pct(s.rate)} | ${pct(s.low)}\u2013${pct(s.high)} | ${s.flaky ? "\u26A0\uFE0F flaky" : ""} | ${trend} |`
      );
    }
  }
  const ordered = [...report.results.filter((r) => r.verdict !== "pass"), ...report.results.filter((r) => r.verdict === "pass")];
  lines.push("", "### Scenarios", "", "| scenario | rule | seed | verdict | reason | time |", "|---|---|---|---|---|---|");
  for (const r of ordered.slice(0, MAX_ROWS)) {
    const id = r.recheckOf ? `${r.id} (recheck of ${r.recheckOf})` : r.id;
    lines.push(`| ${cell2(id)} | \`${cell2(r.rules.join(" "))}\` | ${r.seed} | ${r.verdict} | ${cell2(r.reason)} | ${(r.wallMs / 1e3).toFixed(1)} s |`);
  }
  if (ordered.length > MAX_ROWS) lines.push("", `${ordered.length - MAX_ROWS} more scenario(s) in campaign.json.`);
  const failing = trials.filter((r) => r.verdict !== "pass");
  if (failing.length) {
    lines.push("", "### Reproduce a failing scenario", "", "```sh");
    for (const r of failing.slice(0, 20)) lines.push(`# ${r.id}: ${r.verdict}`, r.reproducer);
    lines.push("```");
    if (failing.length > 20) lines.push("", `${failing.length - 20} more in campaign.json (field \`reproducer\`).`);
  }
  return boundMarkdown(`${lines.join("\n")}
`, MAX_CAMPAIGN_SUMMARY_BYTES);
}
function snapshotMarkdown(report) {
  const lines = [];
  const facts = report.snapshot;
  if (facts) {
    lines.push(
      "",
      `Booted to \`${facts.at}\` in ${(facts.bootMs / 1e3).toFixed(2)} s and saved the state in ${facts.saveMs} ms; the golden runs took ${facts.golden.instructions} instructions (${facts.golden.testMs} ms) and printed ${facts.golden.outputLines} line(s); trial timeout ${(facts.trialTimeoutMs / 1e3).toFixed(1)} s; **${facts.trialsPerMinute.toFixed(0)} trials per minute**.`
    );
  }
  const table = classTable(report.results);
  if (table.rows.length === 0) return lines;
  lines.push(
    "",
    "### Outcome classes per region (rate, 95% Wilson interval)",
    "",
    `| region | trials | ${table.classes.join(" | ")} | not classified |`,
    `|---|---|${table.classes.map(() => "---|").join("")}---|`
  );
  for (const row of table.rows) {
    const cells = row.counts.map((c3) => c3.count === 0 ? "0" : `${c3.count} (${pct(c3.rate)}, ${pct(c3.low)}\u2013${pct(c3.high)})`);
    lines.push(`| \`${cell2(row.region)}\` | ${row.trials} | ${cells.join(" | ")} | ${row.unclassified} |`);
  }
  return lines;
}
function readCampaignReport(file) {
  const data = JSON.parse(readFileSync3(file, "utf8"));
  if (data.schema !== CAMPAIGN_SCHEMA_VERSION || !Array.isArray(data.results) || !Array.isArray(data.stats)) {
    throw new Error(`${file} is not a qfi campaign.json (schema ${CAMPAIGN_SCHEMA_VERSION})`);
  }
  return data;
}

// src/campaign/run-campaign.ts
import { existsSync as existsSync27 } from "node:fs";
import { join as join39, relative as relative5 } from "node:path";

// src/modes/run-pipeline.ts
import { rmSync as rmSync5 } from "node:fs";

// src/observe/observe-run.ts
import { join as join8 } from "node:path";

// src/observe/host-injections.ts
function hostInjections(plan, record2, startedAtMs) {
  const byId = new Map(plan.host.hostRules.map((r) => [r.id, r]));
  const out = [];
  for (const failure of record2.failures) {
    const windows = record2.windows.filter((w) => w.disk === failure.disk && w.at <= failure.at);
    const current = windows[windows.length - 1];
    const rule = current?.open.map((id) => byId.get(id)).find((r) => r?.layer === "block" && matches(r, failure));
    const entry = {
      layer: "block",
      rule: rule?.id ?? null,
      text: rule?.text ?? null,
      atMs: Math.round(failure.at - startedAtMs),
      disk: failure.disk,
      op: failure.op,
      ...failure.sector !== void 0 ? { sector: failure.sector, sectors: failure.sectors } : {},
      errno: failure.errno !== void 0 ? errnoName(failure.errno) : rule?.errnoName ?? "unknown"
    };
    if (rule) {
      let opened = windows.length - 1;
      while (opened > 0 && windows[opened - 1].open.includes(rule.id)) opened--;
      entry.request = failure.ordinal - windows[opened].before[failure.op];
    }
    out.push(entry);
  }
  for (const fire of record2.fires) {
    out.push({
      layer: fire.point.startsWith("net.") ? "net" : "vm",
      rule: fire.rule,
      text: fire.text,
      atMs: Math.round(fire.at - startedAtMs),
      point: fire.point,
      ...fire.durationMs !== void 0 ? { durationMs: fire.durationMs } : {},
      ...fire.error !== void 0 ? { error: fire.error } : {}
    });
  }
  return out.sort((a2, b) => a2.atMs - b.atMs);
}
function matches(rule, failure) {
  if (rule.op !== failure.op) return false;
  if (failure.errno !== void 0 && failure.errno !== rule.errno) return false;
  if (!rule.sectors || failure.sector === void 0) return true;
  const end = failure.sector + (failure.sectors ?? 1) - 1;
  return failure.sector <= rule.sectors[1] && end >= rule.sectors[0];
}
function writeHostInjections(file, injections) {
  writeResultFile(file, injections.map((i2) => `${JSON.stringify(i2)}
`).join(""), { flag: "a" });
}

// src/observe/guest-points.ts
function guestPoints(events) {
  const points = /* @__PURE__ */ new Map();
  for (const e of events) {
    if (e.kind !== "point" || e.name === void 0) continue;
    const known = points.get(e.name);
    if (e.calls === void 0 && known) continue;
    points.set(e.name, { name: e.name, calls: e.calls, fails: e.fails });
  }
  return [...points.values()];
}

// src/observe/injections.ts
import { existsSync as existsSync8, readFileSync as readFileSync4 } from "node:fs";
var keptInReport = 50;
function summarizeInjections(file, rules, hostRules, host) {
  if (rules.length === 0 && hostRules.length === 0) return void 0;
  const plugin = readPluginInjections(file, rules);
  const hostPerRule = hostRules.map((r) => {
    const mine = host.filter((i2) => i2.rule === r.id && i2.error === void 0);
    return { id: r.id, rule: r.text, layer: r.layer, fires: mine.length, firstIcount: void 0, firstAtMs: mine[0]?.atMs };
  });
  const hostFailed = host.filter((i2) => i2.error !== void 0).length;
  return {
    total: plugin.total + host.length,
    failed: plugin.failed + hostFailed,
    perRule: [...plugin.perRule, ...hostPerRule],
    unattributed: host.filter((i2) => i2.rule === null).length,
    first: [...plugin.first, ...host].slice(0, keptInReport),
    unreadableLines: plugin.unreadableLines
  };
}
function readPluginInjections(file, rules) {
  if (rules.length === 0) return { total: 0, failed: 0, perRule: [], first: [], unreadableLines: 0 };
  const lines = existsSync8(file) ? readFileSync4(file, "utf8").split("\n").filter((l) => l.trim() !== "") : [];
  const injections = [];
  let unreadableLines = 0;
  for (const line of lines) {
    try {
      injections.push(JSON.parse(line));
    } catch {
      unreadableLines++;
    }
  }
  const perRule = rules.map(({ id, rule }) => {
    const mine = injections.filter((i2) => i2.rule === id);
    return { id, rule, layer: "plugin", fires: mine.length, firstIcount: mine[0]?.icount, firstAtMs: void 0 };
  });
  return {
    total: injections.length,
    failed: injections.filter((i2) => i2.error !== void 0).length,
    perRule,
    first: injections.slice(0, keptInReport),
    unreadableLines
  };
}

// src/observe/verdict.ts
var seconds3 = (ms) => `${(ms / 1e3).toFixed(ms < 1e4 ? 1 : 0)} s`;
var QFI_AGENT = { agent: "qfi", sources: { successMarker: void 0, failureMarker: void 0, exitDevice: "none", passExitCodes: [0] } };
function decideVerdict(record2, limits, guest = QFI_AGENT) {
  if (record2.infraError) return { verdict: "infra-error", reason: record2.infraError };
  const crash = record2.events.find((e) => e.kind === "panic" || e.kind === "oops" || e.kind === "bug");
  if (crash) return { verdict: "panic", reason: `kernel ${crash.kind} at console line ${crash.line}: ${crash.text.trim()}` };
  const agentError = record2.events.find((e) => e.kind === "agent-error");
  if (agentError) return { verdict: "infra-error", reason: `guest agent failed: ${agentError.text}` };
  const failureMarker = record2.events.find((e) => e.kind === "failure-marker");
  const failed2 = failureMarker ? {
    verdict: "fail",
    reason: `console line ${failureMarker.line} matched failure-marker /${guest.sources.failureMarker ?? ""}/: ${failureMarker.text.trim()}`
  } : void 0;
  if (guest.agent === "none") return decideWithoutAgent(record2, limits, guest.sources, failed2, guest.ktap);
  const started = record2.events.some((e) => e.kind === "test-start");
  if (record2.timedOut === "boot") {
    const what = guest.agent === "qemu-guest-agent" ? "no answer from qemu-guest-agent (guest-ping)" : "no agent ready marker";
    return { verdict: "boot-timeout", reason: `${what} within the boot timeout of ${seconds3(limits.bootMs)}` };
  }
  if (record2.timedOut === "test") {
    return { verdict: "hang", reason: `test command still running after the test timeout of ${seconds3(limits.testMs)}` };
  }
  if (record2.timedOut === "overall") {
    return started ? { verdict: "hang", reason: `run exceeded the overall timeout of ${seconds3(limits.overallMs)}` } : { verdict: "boot-timeout", reason: `run exceeded the overall timeout of ${seconds3(limits.overallMs)} before the test started` };
  }
  if (record2.commandExitCode !== void 0) {
    if (record2.commandExitCode !== 0) return { verdict: "fail", reason: `test command exited with ${record2.commandExitCode}` };
    if (failed2) return failed2;
    return missingSuccessMarker(record2, guest.sources, "the test command exited with 0") ?? { verdict: "pass", reason: "test command exited with 0" };
  }
  const { code, signal } = record2.qemuExit;
  if (signal || code !== void 0 && code !== 0) {
    return { verdict: "infra-error", reason: `QEMU ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before the guest reported a result` };
  }
  return {
    verdict: "panic",
    reason: started ? "the guest stopped while the test command ran, without reporting an exit code (truncated console: a crash or reset)" : "the guest stopped before the test command started (crash, reset or power-off during boot)"
  };
}
function missingSuccessMarker(record2, sources, otherwise) {
  if (sources.successMarker === void 0 || record2.events.some((e) => e.kind === "success-marker")) return void 0;
  return { verdict: "fail", reason: `${otherwise}, but no console line matched success-marker /${sources.successMarker}/` };
}
function decideWithoutAgent(record2, limits, sources, failed2, ktap) {
  if (failed2) return failed2;
  if (record2.timedOut) {
    const limit = record2.timedOut === "overall" ? `the overall timeout of ${seconds3(limits.overallMs)}` : `the test timeout of ${seconds3(limits.testMs)}`;
    const waited = sources.exitDevice !== "none" ? `without an exit through ${sources.exitDevice}` : sources.successMarker !== void 0 ? "without printing its success-marker" : "without a verdict";
    return { verdict: "hang", reason: `the guest was still running after ${limit}, ${waited}` };
  }
  const success = record2.events.find((e) => e.kind === "success-marker");
  const exit = record2.guestExit;
  if (sources.exitDevice !== "none" && exit) {
    if (exit.kind === "power-off") {
      return success ? { verdict: "pass", reason: `console line ${success.line} matched success-marker (the guest powered off without an exit code)` } : { verdict: "fail", reason: `the guest powered off without writing an exit code to ${sources.exitDevice}` };
    }
    const codes = sources.passExitCodes.join(",");
    if (!sources.passExitCodes.includes(exit.code))
      return { verdict: "fail", reason: `the guest exited with code ${exit.code} through ${sources.exitDevice} (pass-exit-codes: ${codes})` };
    return missingSuccessMarker(record2, sources, `the guest exited with code ${exit.code} through ${sources.exitDevice}`) ?? {
      verdict: "pass",
      reason: `the guest exited with code ${exit.code} through ${sources.exitDevice}`
    };
  }
  if (success && sources.exitDevice === "none")
    return { verdict: "pass", reason: `console line ${success.line} matched success-marker: ${success.text.trim()}` };
  const { code, signal } = record2.qemuExit;
  if (signal || code !== void 0 && code !== 0) {
    return { verdict: "infra-error", reason: `QEMU ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before the guest reported a result` };
  }
  if (sources.exitDevice !== "none") return { verdict: "fail", reason: `the guest ended without an exit code from ${sources.exitDevice}` };
  if (sources.successMarker !== void 0) return { verdict: "fail", reason: `the guest ended without printing success-marker /${sources.successMarker}/` };
  const c3 = ktap?.counts;
  const total = c3 ? totalTests(c3) : 0;
  if (ktap && c3 && total > 0 && (ktap.status === "pass" || ktap.status === "skip") && !ktap.streams.some((s) => s.truncated)) {
    return { verdict: "pass", reason: `KTAP: ${c3.passed} of ${total} test${total === 1 ? "" : "s"} passed${c3.skipped ? `, ${c3.skipped} skipped` : ""}` };
  }
  return { verdict: "fail", reason: "the guest ended, but nothing tells whether it passed: set success-marker or exit-device, or print KTAP results" };
}
function requireFired(result, uses, required) {
  if (!required || result.verdict !== "pass") return result;
  const problems = uses.map(ruleUseProblem).filter((p) => p !== void 0);
  if (problems.length === 0) return result;
  return { verdict: "fail", reason: `require-fired: ${problems.join("; ")}, though the test command passed` };
}

// src/core/verdict.ts
var verdictSeverity = {
  pass: 0,
  fail: 1,
  hang: 2,
  "boot-timeout": 3,
  panic: 4,
  "infra-error": 5
};

// src/observe/findings-verdict.ts
var maxReasonChars = 1e3;
var kernelVerdicts = [
  { kinds: ["kasan", "ubsan"], verdict: "panic", what: "report" },
  { kinds: ["hard-lockup", "soft-lockup", "rcu-stall", "hung-task"], verdict: "hang", what: "report" }
];
function applyConsoleFindings(result, record2, ktap) {
  let out = result;
  const findings = consoleFindings(record2.events, ktap);
  for (const rule of kernelVerdicts) {
    const found = findings.find((f) => rule.kinds.includes(f.kind));
    if (found) out = worsenVerdict(out, rule.verdict, `kernel ${found.kind} ${rule.what} at console line ${found.line}: ${shorten(found.text, 200)}`);
  }
  if (ktap) out = applyKtap(out, ktap, record2.timedOut !== void 0);
  return { verdict: out.verdict, reason: shorten(out.reason, maxReasonChars) };
}
function applyKtap(result, ktap, timedOut) {
  const broken = ktap.streams.find((s) => s.status === "crash" || s.truncated);
  if (broken || ktap.counts.crashed > 0) {
    const why = !broken ? `${ktap.counts.crashed} KTAP results never came` : broken.truncated?.startsWith("Bail out!") ? broken.truncated : broken.truncated ? `KTAP ${broken.truncated}` : `KTAP crashed: ${broken.errors[0]}`;
    return timedOut ? append(result, why) : worsenVerdict(result, "panic", why);
  }
  const unfinished = ktap.streams.flatMap((s) => crashedParents(s.tests, []))[0];
  if (unfinished) return timedOut ? append(result, unfinished) : worsenVerdict(result, "panic", unfinished);
  const failed2 = ktap.streams.find((s) => s.status === "fail");
  if (ktap.counts.failed > 0) return worsenVerdict(result, "fail", describeFailures(ktap));
  if (failed2)
    return worsenVerdict(result, "fail", `KTAP stream at ${failed2.source} line ${failed2.firstLine} failed: ${failed2.errors.at(-1) ?? "see junit.xml"}`);
  return result;
}
function crashedParents(tests, path6) {
  return tests.flatMap((t) => {
    const here = [...path6, t.name];
    const own = t.parent && t.status === "crash" && !t.synthetic ? [`KTAP suite ${here.join(".")}: ${t.errors[0] ?? "no result line"}`] : [];
    return [...own, ...crashedParents(t.subtests, here)];
  });
}
function describeFailures(ktap) {
  const names = failedTests(ktap).slice(0, 3);
  const more = ktap.counts.failed - names.length;
  const { failed: failed2 } = ktap.counts;
  const tests = totalTests(ktap.counts);
  return `KTAP: ${failed2} of ${tests} test${tests === 1 ? "" : "s"} failed: ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}
function failedTests(ktap) {
  const out = [];
  const visit = (t, path6) => {
    const here = [...path6, t.name];
    if (t.subtests.length) t.subtests.forEach((s) => visit(s, here));
    else if (t.status === "fail") out.push(here.join("."));
  };
  for (const stream of ktap.streams) stream.tests.forEach((t) => visit(t, []));
  return out;
}
function worsenVerdict(result, verdict, why) {
  if (verdictSeverity[verdict] > verdictSeverity[result.verdict] && result.verdict !== "infra-error") return { verdict, reason: why };
  if (verdict === result.verdict) return append(result, why);
  return result;
}
function append(result, why) {
  return result.reason.includes(why) ? result : { verdict: result.verdict, reason: `${result.reason}; ${why}` };
}

// src/observe/ktap-console.ts
import { closeSync as closeSync2, existsSync as existsSync9, openSync as openSync2, readSync as readSync2 } from "node:fs";
function readKtapFile(path6, source = "console") {
  if (!existsSync9(path6)) return void 0;
  const parser = new KtapParser(source);
  let lineNo = 0;
  const lines = new LineStream((line) => parser.addLine(line, ++lineNo));
  const fd = openSync2(path6, "r");
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let read = readSync2(fd, chunk); read > 0; read = readSync2(fd, chunk)) lines.push(chunk.subarray(0, read));
  } finally {
    closeSync2(fd);
  }
  lines.end();
  return parser.end();
}

// src/observe/guest-results.ts
import { existsSync as existsSync10, statSync as statSync6 } from "node:fs";
import { join as join7 } from "node:path";
var GUEST_RESULTS_FILE = RESULTS_FILES.guestResults;
function readGuestResults(plan, record2) {
  if (plan.resultsFile === void 0) return void 0;
  const copy = join7(record2.files.dir, GUEST_RESULTS_FILE);
  const bytes = existsSync10(copy) ? statSync6(copy).size : 0;
  const ended = record2.commandExitCode !== void 0;
  if (bytes === 0) {
    const problem2 = ended ? `the command exited with code ${record2.commandExitCode} but left no results in ${plan.resultsFile} (missing or empty; the console or qga.log says which)` : void 0;
    return { ktap: void 0, problem: problem2 };
  }
  const ktap = readKtapFile(copy, `results file ${plan.resultsFile}`);
  const problem = ktap ? void 0 : `results file ${plan.resultsFile} (${bytes} bytes) has no KTAP/TAP version line, so no results were read: a producer starts with \`KTAP version 1\` or \`TAP version 13\``;
  return { ktap, problem };
}

// src/observe/observe-run.ts
function observeRun(ran, log) {
  const { plan, record: record2 } = ran;
  const injectionsFile = join8(record2.files.dir, RESULTS_FILES.injections);
  const hostEntries = record2.hostFaults ? hostInjections(plan, record2.hostFaults, Date.parse(record2.startedAt)) : [];
  const injections = summarizeInjections(injectionsFile, plan.pluginRules, plan.host.hostRules, hostEntries);
  if (plan.host.hostRules.length > 0) writeHostInjections(injectionsFile, hostEntries);
  const points = guestPoints(record2.events);
  const uses = ruleUse(plan.canonicalRules, injections, points);
  for (const u2 of uses.filter((x) => !x.consulted)) log.warn(unusedRuleWarning(u2, plan.requireFired));
  const results = readGuestResults(plan, record2);
  const ktap = mergeKtapReports([readKtapFile(record2.files.console), results?.ktap]);
  const decided2 = requireFired(decideVerdict(record2, plan.timeouts, { agent: plan.agent, sources: plan.verdictSources, ktap }), uses, plan.requireFired);
  const found = applyConsoleFindings(decided2, record2, ktap);
  const { verdict, reason } = results?.problem ? worsenVerdict(found, "fail", results.problem) : found;
  return { ...ran, scenario: plan.scenario, verdict, reason, injections, points, ruleUse: uses, ...ktap ? { ktap } : {} };
}

// src/plan/make-plan.ts
import { randomBytes } from "node:crypto";
import { resolve as resolve8 } from "node:path";

// src/plan/qemu-releases.ts
var QEMU_RELEASES = [
  { version: "10.2.2", sha256: "784b296ff29c1417aa72323abcb2d2ea9ab9771724f577dcd785c3b04f21e176" },
  { version: "11.1.2", sha256: "731b5681e4bb18be313231579b8efd0296c5b015fa36dc533874b639ba838016" }
];
function releaseTarballUrl(version) {
  return `https://download.qemu.org/qemu-${version}.tar.xz`;
}
function knownReleaseSha256(version) {
  return QEMU_RELEASES.find((r) => r.version === version)?.sha256;
}
function pluginApiVersion(version) {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const v = major * 100 + minor;
  if (v >= 1101) return 7;
  if (v >= 1100) return 6;
  if (v >= 1001) return 5;
  if (v >= 902) return 4;
  if (v >= 901) return 3;
  if (v >= 900) return 2;
  if (v >= 402) return 1;
  return void 0;
}

// src/rules/blkdebug.ts
var BLKDEBUG_EVENT = { read: "read_aio", write: "write_aio", flush: "flush_to_disk" };
var QCOW2_METADATA_EVENTS = [
  "l1_update",
  "l1_grow_alloc_table",
  "l1_grow_write_table",
  "l1_grow_activate_table",
  "l1_shrink_write_table",
  "l1_shrink_free_l2_clusters",
  "l2_load",
  "l2_update",
  "l2_update_compressed",
  "l2_alloc_cow_read",
  "l2_alloc_write",
  "read_backing_aio",
  "read_compressed",
  "write_compressed",
  "vmstate_load",
  "vmstate_save",
  "cow_read",
  "cow_write",
  "reftable_load",
  "reftable_grow",
  "reftable_update",
  "refblock_load",
  "refblock_update",
  "refblock_update_part",
  "refblock_alloc",
  "refblock_alloc_hookup",
  "refblock_alloc_write",
  "refblock_alloc_write_blocks",
  "refblock_alloc_write_table",
  "refblock_alloc_switch_table",
  "cluster_alloc",
  "cluster_alloc_bytes",
  "cluster_free",
  "empty_image_prepare"
];
var MAX_BLKDEBUG_STATES = 5e4;
var RATE_PERIOD = 1e3;
function rateFails(seed, ruleId, k, perMille) {
  let h2 = Math.imul(seed ^ 2654435769, 2246822507) >>> 0;
  for (let i2 = 0; i2 < ruleId.length; i2++) h2 = Math.imul(h2 ^ ruleId.charCodeAt(i2), 3432918353) >>> 0;
  h2 = (h2 ^ Math.imul(k % RATE_PERIOD, 461845907)) >>> 0;
  h2 = (h2 ^ h2 >>> 16) >>> 0;
  h2 = Math.imul(h2, 2246822507) >>> 0;
  h2 = (h2 ^ h2 >>> 13) >>> 0;
  h2 = Math.imul(h2, 3266489909) >>> 0;
  h2 = (h2 ^ h2 >>> 16) >>> 0;
  return h2 % 1e3 < perMille;
}
function ruleFailsRequest(rule, seed, k) {
  const base = (i2) => {
    switch (rule.action.kind) {
      case "fail":
        return true;
      case "fail-after":
        return i2 >= rule.action.n;
      case "drop-every":
        return (i2 + 1) % rule.action.n === 0;
      case "rate":
        return rateFails(seed, rule.id, i2, rule.action.perMille);
      case "off":
        return false;
    }
  };
  if (!rule.once) return base(k);
  const first = firstFailure(rule, seed, base);
  return first !== void 0 && k === first;
}
function firstFailure(rule, seed, base) {
  switch (rule.action.kind) {
    case "fail":
      return 0;
    case "fail-after":
      return rule.action.n;
    case "drop-every":
      return rule.action.n - 1;
    case "rate":
      for (let i2 = 0; i2 < RATE_PERIOD; i2++) if (base(i2)) return i2;
      return void 0;
    case "off":
      return void 0;
  }
}
function automatonFor(rule, seed) {
  const { action } = rule;
  if (rule.once) {
    const first = firstFailure(rule, seed, (i2) => ruleFailsRequest({ ...rule, once: false }, seed, i2));
    if (first === void 0) return void 0;
    const done = first + 1;
    return { size: done + 1, stateAfter: (k) => Math.min(k, done), next: (s) => Math.min(s + 1, done), fails: (s) => s === first };
  }
  switch (action.kind) {
    case "fail":
    case "off":
      return void 0;
    case "fail-after": {
      const n2 = action.n;
      return { size: n2 + 1, stateAfter: (k) => Math.min(k, n2), next: (s) => Math.min(s + 1, n2), fails: (s) => s >= n2 };
    }
    case "drop-every": {
      const n2 = action.n;
      return { size: n2, stateAfter: (k) => k % n2, next: (s) => (s + 1) % n2, fails: (s) => s === n2 - 1 };
    }
    case "rate": {
      const pattern = Array.from({ length: RATE_PERIOD }, (_, i2) => rateFails(seed, rule.id, i2, action.perMille));
      return { size: RATE_PERIOD, stateAfter: (k) => k % RATE_PERIOD, next: (s) => (s + 1) % RATE_PERIOD, fails: (s) => pattern[s] };
    }
  }
}
function blkdebugStateCount(rules, seed) {
  return rules.reduce((n2, rule) => n2 * (automatonFor(rule, seed)?.size ?? 1), 1);
}
function compileBlkdebug(input) {
  const counted = input.rules.flatMap((rule) => {
    const automaton = automatonFor(rule, input.seed);
    return automaton ? [{ rule, automaton }] : [];
  });
  const strides = [];
  let states = 1;
  for (const { automaton } of counted) {
    strides.push(states);
    states *= automaton.size;
  }
  if (states > MAX_BLKDEBUG_STATES) throw new Error(`internal: ${states} blkdebug states passed the plan's check`);
  const digit = (p, i2) => Math.floor(p / strides[i2]) % counted[i2].automaton.size;
  const start = counted.reduce((p, { rule, automaton }, i2) => p + automaton.stateAfter(input.seen?.get(rule.id) ?? 0) * strides[i2], 0);
  const relabel = (p) => (p - start + states) % states + 1;
  const sections = [];
  const section = (kind, fields) => {
    sections.push(
      `[${kind}]
${Object.entries(fields).map(([k, v]) => `  ${k} = "${v}"`).join("\n")}
`
    );
  };
  const inject = (event, state, rule, errno, sector) => {
    section("inject-error", { event, ...state !== void 0 ? { state } : {}, iotype: rule.op, errno, ...sector !== void 0 ? { sector } : {} });
  };
  const sectorsOf = (rule) => {
    if (!rule.sectors) return [void 0];
    const [a2, b] = rule.sectors;
    return Array.from({ length: b - a2 + 1 }, (_, i2) => a2 + i2);
  };
  for (const op of ["read", "write", "flush"]) {
    const event = BLKDEBUG_EVENT[op];
    const rules = input.rules.filter((r) => r.op === op);
    if (rules.length === 0) continue;
    const mine = counted.map((c3, i2) => ({ ...c3, i: i2 })).filter((c3) => c3.rule.op === op);
    for (let p = 0; p < states && mine.length > 0; p++) {
      let q = p;
      for (const { automaton, i: i2 } of mine) {
        const s = digit(p, i2);
        q += (automaton.next(s) - s) * strides[i2];
      }
      if (q !== p) section("set-state", { event, state: relabel(p), new_state: relabel(q) });
    }
    for (const rule of rules) {
      const c3 = mine.find((m) => m.rule === rule);
      for (const sector of sectorsOf(rule)) {
        if (!c3) {
          if (!rule.once) inject(event, void 0, rule, rule.errno, sector);
          continue;
        }
        for (let p = 0; p < states; p++) if (c3.automaton.fails(digit(p, c3.i))) inject(event, relabel(p), rule, rule.errno, sector);
      }
    }
    section("inject-error", { event, iotype: op, errno: 0 });
  }
  if (input.format === "qcow2") for (const event of QCOW2_METADATA_EVENTS) section("inject-error", { event, errno: 0 });
  return {
    text: `# qfi: blkdebug rules for ${input.rules.map((r) => r.text).join(", ") || "no rules"}
${sections.join("\n")}`,
    states,
    rules: sections.length
  };
}

// src/plan/host-plan.ts
var NIC_ID = "qfi-nic0";
function planHost(config, rules, countRequests = false) {
  const disks = config.guest.disks.map((d) => ({ ...d, fileNode: `qfi-${d.id}-file`, formatNode: `qfi-${d.id}`, deviceId: `qfi-disk-${d.id}` }));
  const hostRules = compileHostRules(rules).flatMap((rule) => expandDisks(rule, disks));
  for (const rule of hostRules) checkServable(rule, config);
  for (const disk of disks) {
    const mine = hostRules.filter((r) => r.layer === "block" && r.disk === disk.id);
    const states = blkdebugStateCount(mine, config.faults.seed);
    if (states > MAX_BLKDEBUG_STATES) {
      throw new ConfigError(`the block rules on disk ${disk.id} need ${states} blkdebug states, more than ${MAX_BLKDEBUG_STATES}`, {
        location: { input: "faults" },
        hint: `blkdebug counts with states, one per request position (fail-after:N needs N+1, drop-every:N needs N, rate needs ${1e3}), multiplied across the rules of one disk: ${mine.map((r) => r.text).join(", ")}; lower N, or put the rules on different disks`
      });
    }
    const readOnlyWrites = mine.find((r) => r.op !== "read" && disk.readOnly);
    if (readOnlyWrites) {
      throw new ConfigError(`rule ${readOnlyWrites.text} can never fire: disk ${disk.id} is read-only, so the guest never writes or flushes it`, {
        location: sourceOf(config, "disks"),
        hint: "drop read-only=true from the disk, or use block.read rules on it"
      });
    }
  }
  const windows = hostRules.map((r) => r.window);
  return {
    disks,
    network: config.machine.network,
    nicId: config.machine.network === "user" ? NIC_ID : void 0,
    hostRules,
    syncMarkers: [...new Set(windows.flatMap((w) => w.on !== void 0 ? [w.on] : []))],
    // Counting from the test's start needs the start synced, as a rule from there would.
    syncTestStart: countRequests || windows.some((w) => w.from === "test"),
    startPaused: windows.some((w) => w.from === "boot"),
    rebootOnReset: hostRules.some((r) => r.layer === "vm" && r.point === "vm.reset"),
    countRequests
  };
}
function expandDisks(rule, disks) {
  if (rule.layer !== "block" || rule.disk !== void 0 || disks.length === 0) return [rule];
  if (disks.length === 1) return [{ ...rule, disk: disks[0].id }];
  return disks.map((d, i2) => ({ ...rule, id: `${rule.id}${String.fromCharCode(97 + i2 % 26)}${i2 >= 26 ? Math.floor(i2 / 26) : ""}`, disk: d.id }));
}
function checkServable(rule, config) {
  const refuse = (reason, hint, input = "faults") => {
    throw new ConfigError(`rule ${rule.text} cannot be carried out: ${reason}`, { location: sourceOf(config, input), hint });
  };
  if (rule.layer === "block") {
    const ids = config.guest.disks.map((d) => d.id);
    if (ids.length === 0) {
      refuse(
        "the guest has no disks for block rules",
        "add a disk (input `disks`: `id=data size=64M`; config: a [[guest.disks]] table); if this is a point of your guest's own runtime, put the rule in its rules file (rules-file), which qfi hands to the guest unchanged",
        "disks"
      );
    }
    if (rule.disk !== void 0 && !ids.includes(rule.disk)) refuse(`there is no disk \`${rule.disk}\``, `the disks are ${ids.join(", ")}`);
  } else if (rule.layer === "net" && config.machine.network !== "user") {
    refuse(
      "the guest has no network card",
      'set `network: user` (config: machine.network = "user") to give the guest a virtio-net NIC on QEMU user networking',
      "network"
    );
  }
}

// src/plan/arch.ts
var archData = {
  x86_64: {
    qemuBinaryName: "qemu-system-x86_64",
    machine: "q35",
    cpu: void 0,
    fastBios: "qboot.rom",
    console: "ttyS0",
    defaultAppend: [
      "console=ttyS0",
      "quiet",
      "panic=-1",
      "cryptomgr.notests",
      "mitigations=off",
      "i8042.noaux",
      "i8042.nokbd",
      "tsc=reliable",
      "no_timer_check"
    ],
    debianQemuPackage: "qemu-system-x86",
    nativeNodeArch: "x64",
    debugExitDevice: "isa-debug-exit,iobase=0xf4,iosize=0x04"
  },
  aarch64: {
    qemuBinaryName: "qemu-system-aarch64",
    // GICv3: GICv2 (virt's default) stops at 8 vCPUs; qfi allows up to 64.
    machine: "virt,gic-version=3",
    cpu: "cortex-a57",
    // No qboot: QEMU boots an arm64 Image directly (-kernel) and provides PSCI itself.
    fastBios: void 0,
    console: "ttyAMA0",
    defaultAppend: ["console=ttyAMA0", "quiet", "panic=-1", "cryptomgr.notests", "mitigations=off"],
    debianQemuPackage: "qemu-system-arm",
    nativeNodeArch: "arm64",
    debugExitDevice: void 0
  }
};

// src/plan/make-plan.ts
function makePlan(config, token = randomBytes(12).toString("hex"), opts = {}) {
  const rules = config.faults.enabled ? config.faults.rules : [];
  const guestRules = rules.filter((r) => !isPluginRule(r) && !isHostRule(r));
  const snapshotAt = opts.snapshot?.at;
  const planned = planHost(config, rules, opts.countBlockRequests === true && config.guest.disks.length > 0);
  const host = {
    ...planned,
    syncTestStart: planned.syncTestStart || snapshotAt?.kind === "start",
    syncMarkers: snapshotAt?.kind === "marker" && !planned.syncMarkers.includes(snapshotAt.name) ? [...planned.syncMarkers, snapshotAt.name] : planned.syncMarkers
  };
  const pluginRules = compilePluginRules(rules, q35RamRanges(memoryBytes(config.machine.memory)));
  checkGuestSupportsPlan(config, pluginRules.length > 0);
  const fwCfg = agentFwCfg(config, token, guestRules, host);
  const agent = config.guest.agent;
  const arch = archData[config.machine.arch];
  const append2 = kernelAppend(config, host, snapshotAt !== void 0);
  const loadQfiPlugin = pluginRules.length > 0 || snapshotAt !== void 0;
  return {
    scenario: config.name,
    ...opts.qtest ? qtestQemu(config) : { qemu: chooseQemu(config, loadQfiPlugin) },
    loadQfiPlugin,
    plugin: config.qemu.plugin ? { path: config.qemu.plugin, args: config.qemu.pluginArgs } : void 0,
    pluginRules,
    host,
    requireFired: config.faults.requireFired,
    icount: config.qemu.icount,
    arch: config.machine.arch,
    accel: planAccel(config, loadQfiPlugin),
    machineType: config.machine.type ?? arch.machine,
    cpu: config.machine.cpu,
    rtcBase: config.machine.rtcBase,
    memory: config.machine.memory,
    cpus: config.machine.cpus,
    boot: config.guest.disks.some((d) => d.boot) ? "disk" : "kernel",
    guest: guestSource(config),
    builtinPackages: { mirror: config.guest.debianMirror, pin: config.guest.pin },
    bios: config.guest.bios,
    resultsDir: config.report.dir,
    agent,
    command: config.test.command,
    resultsFile: config.test.resultsFile,
    verdictSources: {
      successMarker: config.test.successMarker,
      failureMarker: config.test.failureMarker,
      exitDevice: config.test.exitDevice,
      passExitCodes: config.test.passExitCodes
    },
    files: config.guest.files,
    append: append2.join(" "),
    fwCfg,
    canonicalRules: rules.map(printRule),
    guestRules: guestRules.map(printRule),
    rulesFwCfgName: config.faults.fwCfgName,
    seed: config.faults.seed,
    markerToken: token,
    timeouts: {
      bootMs: config.test.bootTimeoutMs,
      testMs: config.test.testTimeoutMs,
      overallMs: config.test.overallTimeoutMs
    },
    extraArgs: config.qemu.extraArgs,
    sources: config.sources,
    locations: config.locations,
    reproducer: reproducerLine(config.reproducerArgs)
  };
}
function agentFwCfg(config, token, guestRules, host) {
  const fwCfg = [
    { name: AGENT_FW_CFG.token, content: token },
    { name: AGENT_FW_CFG.command, content: config.test.command },
    { name: AGENT_FW_CFG.seed, content: String(config.faults.seed) }
  ];
  if (config.faults.enabled) {
    fwCfg.push({ name: config.faults.fwCfgName, content: canonicalRulesText(guestRules) });
  }
  if (config.test.resultsFile !== void 0) fwCfg.push({ name: AGENT_FW_CFG.resultsFile, content: config.test.resultsFile });
  if (host.syncMarkers.length > 0) fwCfg.push({ name: AGENT_FW_CFG.syncMarkers, content: syncMarkersText(host.syncMarkers) });
  return fwCfg;
}
function kernelAppend(config, host, snapshot) {
  const agent = config.guest.agent;
  const arch = archData[config.machine.arch];
  const baseAppend = agent === "qfi" ? arch.defaultAppend : arch.defaultAppend.filter((p) => p.startsWith("console=") || p.startsWith("panic="));
  const append2 = [...baseAppend, rulesNameParam(config.faults.fwCfgName)];
  if (host.syncTestStart) append2.push(SYNC_START_PARAM);
  if (snapshot) append2.push(REPORT_REGIONS_PARAM);
  if (config.guest.append.trim()) append2.push(config.guest.append.trim());
  return append2;
}
function checkGuestSupportsPlan(config, hasPluginRules) {
  const arch = config.machine.arch;
  if (hasPluginRules && arch !== "x86_64") {
    throw new ConfigError(
      `plugin rules (mem.*, reg.*, insn.*) need qfi's plugin, which qfi builds and knows RAM and registers for on x86_64 only; arch is ${arch}`,
      {
        location: sourceOf(config, "arch"),
        hint: "run this scenario on arch: x86_64, or use guest, block and VM rules on aarch64"
      }
    );
  }
  if (config.qemu.accel === "kvm" && (hasPluginRules || config.qemu.plugin || config.qemu.icount)) {
    const why = hasPluginRules ? "plugin rules (mem.*, reg.*, insn.*) run in qfi's TCG plugin" : config.qemu.plugin ? "a QEMU plugin instruments TCG-translated code" : "icount is a TCG option";
    throw new ConfigError(`accel = kvm was asked for, but ${why}: KVM cannot run it`, {
      location: sourceOf(config, "accel"),
      hint: "use accel = auto (qfi picks TCG then) or accel = tcg"
    });
  }
}
function planAccel(config, loadQfiPlugin) {
  const want = config.qemu.accel;
  if (want === "tcg") return { want, reason: "accel = tcg" };
  if (loadQfiPlugin || config.qemu.plugin) return { want: "tcg", reason: "the run loads a TCG plugin" };
  if (config.qemu.icount) return { want: "tcg", reason: "icount is a TCG option" };
  return { want, reason: want === "kvm" ? "accel = kvm" : "accel = auto: KVM when it works here, else TCG" };
}
function guestSource(config) {
  const { kernel, initrd, agent, disks } = config.guest;
  const bootDisk = disks.find((d) => d.boot);
  if (bootDisk) return { kind: "disk", id: bootDisk.id, path: bootDisk.path };
  if (kernel && initrd) return { kind: "custom", kernel: resolve8(kernel), initrd: resolve8(initrd) };
  if (kernel && agent === "none") return { kind: "custom", kernel: resolve8(kernel), initrd: void 0 };
  return { kind: "builtin", kernel: kernel ? resolve8(kernel) : void 0 };
}
function qtestQemu(config) {
  if (config.qemu.binary !== "auto") return { qemu: chooseQemu(config) };
  const build = chooseQemu({ ...config, qemu: { ...config.qemu, binary: "build" } });
  if (build.kind !== "build") throw new Error("internal: qemu build was not chosen");
  return { qemu: { kind: "system" }, qemuFallback: { ...build, reason: "the system QEMU has no qtest accelerator" } };
}
function memoryBytes(memory) {
  const m = /^([0-9]+)([KMGT]?)$/.exec(memory);
  if (!m) throw new Error(`internal: memory ${memory} was not validated`);
  const shift = { "": 20n, K: 10n, M: 20n, G: 30n, T: 40n };
  return BigInt(m[1]) << shift[m[2]];
}
function chooseQemu(config, hasPluginRules = false) {
  const { qemu } = config;
  const pluginSource = hasPluginRules || (qemu.plugin?.endsWith(".c") ?? false);
  if (qemu.binary === "system") {
    if (pluginSource) {
      const what = hasPluginRules ? "plugin rules (mem.*, reg.*, insn.*) need qfi's plugin, built against a QEMU build's qemu-plugin.h" : `plugin ${qemu.plugin} is C source, which needs a QEMU build's qemu-plugin.h`;
      throw new ConfigError(`${what}, but qemu is \`system\``, {
        location: sourceOf(config, "qemu"),
        hint: "use qemu: auto or build (qfi builds QEMU and compiles the plugin), or give the plugin as a built .so"
      });
    }
    return { kind: "system" };
  }
  if (qemu.binary !== "auto" && qemu.binary !== "build") return { kind: "path", path: qemu.binary };
  if (qemu.binary === "auto" && !pluginSource) return { kind: "system" };
  const sha256 = qemu.sha256 ?? (qemu.source ? void 0 : knownReleaseSha256(qemu.version));
  if (!qemu.source && !sha256) {
    throw new ConfigError(`QEMU ${qemu.version} is not in qfi's release table, so its tarball cannot be checked`, {
      location: sourceOf(config, "qemu-version"),
      hint: "give its sha256 with qemu-sha256, or a local tarball or folder with qemu-source"
    });
  }
  return {
    kind: "build",
    reason: qemu.binary === "build" ? "qemu: build" : hasPluginRules ? "the run has plugin rules (qfi's plugin needs QEMU >= 10.1)" : `the plugin source ${qemu.plugin} needs qemu-plugin.h`,
    version: qemu.version,
    sha256,
    source: qemu.source,
    targets: qemu.targets,
    configureFlags: qemu.configureFlags,
    patches: qemu.patches,
    installDeps: qemu.installDeps
  };
}

// src/provision/provision.ts
import { existsSync as existsSync24 } from "node:fs";
import { dirname as dirname12, join as join30 } from "node:path";

// src/provision/disks.ts
import { existsSync as existsSync11, openSync as openSync3, closeSync as closeSync3, ftruncateSync } from "node:fs";
import { dirname as dirname5, join as join10 } from "node:path";

// node_modules/is-plain-obj/index.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}

// node_modules/execa/lib/arguments/file-url.js
import { fileURLToPath } from "node:url";
var safeNormalizeFileUrl = (file, name) => {
  const fileString = normalizeFileUrl(normalizeDenoExecPath(file));
  if (typeof fileString !== "string") {
    throw new TypeError(`${name} must be a string or a file URL: ${fileString}.`);
  }
  return fileString;
};
var normalizeDenoExecPath = (file) => isDenoExecPath(file) ? file.toString() : file;
var isDenoExecPath = (file) => typeof file !== "string" && file && Object.getPrototypeOf(file) === String.prototype;
var normalizeFileUrl = (file) => file instanceof URL ? fileURLToPath(file) : file;

// node_modules/execa/lib/methods/parameters.js
var normalizeParameters = (rawFile, rawArguments = [], rawOptions = {}) => {
  const filePath = safeNormalizeFileUrl(rawFile, "First argument");
  const [commandArguments, options] = isPlainObject(rawArguments) ? [[], rawArguments] : [rawArguments, rawOptions];
  if (!Array.isArray(commandArguments)) {
    throw new TypeError(`Second argument must be either an array of arguments or an options object: ${commandArguments}`);
  }
  if (commandArguments.some((commandArgument) => typeof commandArgument === "object" && commandArgument !== null)) {
    throw new TypeError(`Second argument must be an array of strings: ${commandArguments}`);
  }
  const normalizedArguments = commandArguments.map(String);
  const nullByteArgument = normalizedArguments.find((normalizedArgument) => normalizedArgument.includes("\0"));
  if (nullByteArgument !== void 0) {
    throw new TypeError(`Arguments cannot contain null bytes ("\\0"): ${nullByteArgument}`);
  }
  if (!isPlainObject(options)) {
    throw new TypeError(`Last argument must be an options object: ${options}`);
  }
  return [filePath, normalizedArguments, options];
};

// node_modules/execa/lib/methods/template.js
import { ChildProcess } from "node:child_process";

// node_modules/execa/lib/utils/uint-array.js
import { StringDecoder } from "node:string_decoder";
var { toString: objectToString } = Object.prototype;
var isArrayBuffer = (value) => objectToString.call(value) === "[object ArrayBuffer]";
var isUint8Array = (value) => objectToString.call(value) === "[object Uint8Array]";
var bufferToUint8Array = (buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
var textEncoder = new TextEncoder();
var stringToUint8Array = (string) => textEncoder.encode(string);
var textDecoder = new TextDecoder();
var uint8ArrayToString = (uint8Array) => textDecoder.decode(uint8Array);
var joinToString = (uint8ArraysOrStrings, encoding) => {
  const strings = uint8ArraysToStrings(uint8ArraysOrStrings, encoding);
  return strings.join("");
};
var uint8ArraysToStrings = (uint8ArraysOrStrings, encoding) => {
  if (encoding === "utf8" && uint8ArraysOrStrings.every((uint8ArrayOrString) => typeof uint8ArrayOrString === "string")) {
    return uint8ArraysOrStrings;
  }
  const decoder = new StringDecoder(encoding);
  const strings = uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString).map((uint8Array) => decoder.write(uint8Array));
  const finalString = decoder.end();
  return finalString === "" ? strings : [...strings, finalString];
};
var joinToUint8Array = (uint8ArraysOrStrings) => {
  if (uint8ArraysOrStrings.length === 1 && isUint8Array(uint8ArraysOrStrings[0])) {
    return uint8ArraysOrStrings[0];
  }
  return concatUint8Arrays(stringsToUint8Arrays(uint8ArraysOrStrings));
};
var stringsToUint8Arrays = (uint8ArraysOrStrings) => uint8ArraysOrStrings.map((uint8ArrayOrString) => typeof uint8ArrayOrString === "string" ? stringToUint8Array(uint8ArrayOrString) : uint8ArrayOrString);
var concatUint8Arrays = (uint8Arrays) => {
  const result = new Uint8Array(getJoinLength(uint8Arrays));
  let index = 0;
  for (const uint8Array of uint8Arrays) {
    result.set(uint8Array, index);
    index += uint8Array.length;
  }
  return result;
};
var getJoinLength = (uint8Arrays) => {
  let joinLength = 0;
  for (const uint8Array of uint8Arrays) {
    joinLength += uint8Array.length;
  }
  return joinLength;
};

// node_modules/execa/lib/methods/template.js
var isTemplateString = (templates) => Array.isArray(templates) && Array.isArray(templates.raw);
var parseTemplates = (templates, expressions) => {
  let tokens = [];
  for (const [index, template] of templates.entries()) {
    tokens = parseTemplate({
      templates,
      expressions,
      tokens,
      index,
      template
    });
  }
  if (tokens.length === 0) {
    throw new TypeError("Template script must not be empty");
  }
  const [file, ...commandArguments] = tokens;
  return [file, commandArguments, {}];
};
var parseTemplate = ({ templates, expressions, tokens, index, template }) => {
  if (template === void 0) {
    throw new TypeError(`Invalid backslash sequence: ${templates.raw[index]}`);
  }
  const { nextTokens, leadingWhitespaces, trailingWhitespaces } = splitByWhitespaces(template, templates.raw[index]);
  const newTokens = concatTokens(tokens, nextTokens, leadingWhitespaces);
  if (index === expressions.length) {
    return newTokens;
  }
  const expression = expressions[index];
  const expressionTokens = Array.isArray(expression) ? expression.map((expression2) => parseExpression(expression2)) : [parseExpression(expression)];
  return concatTokens(newTokens, expressionTokens, trailingWhitespaces);
};
var splitByWhitespaces = (template, rawTemplate) => {
  if (rawTemplate.length === 0) {
    return { nextTokens: [], leadingWhitespaces: false, trailingWhitespaces: false };
  }
  const nextTokens = [];
  let templateStart = 0;
  const leadingWhitespaces = DELIMITERS.has(rawTemplate[0]);
  for (let templateIndex = 0, rawIndex = 0; templateIndex < template.length; templateIndex += 1, rawIndex += 1) {
    const rawCharacter = rawTemplate[rawIndex];
    if (DELIMITERS.has(rawCharacter)) {
      if (templateStart !== templateIndex) {
        nextTokens.push(template.slice(templateStart, templateIndex));
      }
      templateStart = templateIndex + 1;
    } else if (rawCharacter === "\\") {
      const nextRawCharacter = rawTemplate[rawIndex + 1];
      if (nextRawCharacter === "\n") {
        templateIndex -= 1;
        rawIndex += 1;
      } else if (nextRawCharacter === "u" && rawTemplate[rawIndex + 2] === "{") {
        rawIndex = rawTemplate.indexOf("}", rawIndex + 3);
      } else {
        rawIndex += ESCAPE_LENGTH[nextRawCharacter] ?? 1;
      }
    }
  }
  const trailingWhitespaces = templateStart === template.length;
  if (!trailingWhitespaces) {
    nextTokens.push(template.slice(templateStart));
  }
  return { nextTokens, leadingWhitespaces, trailingWhitespaces };
};
var DELIMITERS = /* @__PURE__ */ new Set([" ", "	", "\r", "\n"]);
var ESCAPE_LENGTH = { x: 3, u: 5 };
var concatTokens = (tokens, nextTokens, isSeparated) => isSeparated || tokens.length === 0 || nextTokens.length === 0 ? [...tokens, ...nextTokens] : [
  ...tokens.slice(0, -1),
  `${tokens.at(-1)}${nextTokens[0]}`,
  ...nextTokens.slice(1)
];
var parseExpression = (expression) => {
  const typeOfExpression = typeof expression;
  if (typeOfExpression === "string") {
    return expression;
  }
  if (typeOfExpression === "number") {
    return String(expression);
  }
  if (isPlainObject(expression) && ("stdout" in expression || "isMaxBuffer" in expression)) {
    return getSubprocessResult(expression);
  }
  if (expression instanceof ChildProcess || Object.prototype.toString.call(expression) === "[object Promise]") {
    throw new TypeError("Unexpected subprocess in template expression. Please use ${await subprocess} instead of ${subprocess}.");
  }
  throw new TypeError(`Unexpected "${typeOfExpression}" in template expression`);
};
var getSubprocessResult = ({ stdout }) => {
  if (typeof stdout === "string") {
    return stdout;
  }
  if (isUint8Array(stdout)) {
    return uint8ArrayToString(stdout);
  }
  if (stdout === void 0) {
    throw new TypeError(`Missing result.stdout in template expression. This is probably due to the previous subprocess' "stdout" option.`);
  }
  throw new TypeError(`Unexpected "${typeof stdout}" stdout in template expression`);
};

// node_modules/execa/lib/methods/main-sync.js
import { spawnSync } from "node:child_process";

// node_modules/execa/lib/arguments/specific.js
import { debuglog } from "node:util";

// node_modules/execa/lib/utils/standard-stream.js
import process2 from "node:process";
var isStandardStream = (stream) => STANDARD_STREAMS.includes(stream);
var STANDARD_STREAMS = [process2.stdin, process2.stdout, process2.stderr];
var STANDARD_STREAMS_ALIASES = ["stdin", "stdout", "stderr"];
var getStreamName = (fdNumber) => STANDARD_STREAMS_ALIASES[fdNumber] ?? `stdio[${fdNumber}]`;

// node_modules/execa/lib/arguments/specific.js
var normalizeFdSpecificOptions = (options) => {
  const optionsCopy = { ...options };
  for (const optionName of FD_SPECIFIC_OPTIONS) {
    optionsCopy[optionName] = normalizeFdSpecificOption(options, optionName);
  }
  return optionsCopy;
};
var normalizeFdSpecificOption = (options, optionName) => {
  const optionBaseArray = Array.from({ length: getStdioLength(options) + 1 });
  const optionArray = normalizeFdSpecificValue(options[optionName], optionBaseArray, optionName);
  return addDefaultValue(optionArray, optionName);
};
var getStdioLength = ({ stdio }) => Array.isArray(stdio) ? Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length) : STANDARD_STREAMS_ALIASES.length;
var normalizeFdSpecificValue = (optionValue, optionArray, optionName) => isPlainObject(optionValue) ? normalizeOptionObject(optionValue, optionArray, optionName) : optionArray.fill(optionValue);
var normalizeOptionObject = (optionValue, optionArray, optionName) => {
  for (const fdName of Object.keys(optionValue).sort(compareFdName)) {
    for (const fdNumber of parseFdName(fdName, optionName, optionArray)) {
      optionArray[fdNumber] = optionValue[fdName];
    }
  }
  return optionArray;
};
var compareFdName = (fdNameA, fdNameB) => getFdNameOrder(fdNameA) < getFdNameOrder(fdNameB) ? 1 : -1;
var getFdNameOrder = (fdName) => {
  if (fdName === "stdout" || fdName === "stderr") {
    return 0;
  }
  return fdName === "all" ? 2 : 1;
};
var parseFdName = (fdName, optionName, optionArray) => {
  if (fdName === "ipc") {
    return [optionArray.length - 1];
  }
  const fdNumber = parseFd(fdName);
  if (fdNumber === void 0 || fdNumber === 0) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid.
It must be "${optionName}.stdout", "${optionName}.stderr", "${optionName}.all", "${optionName}.ipc", or "${optionName}.fd3", "${optionName}.fd4" (and so on).`);
  }
  if (fdNumber >= optionArray.length) {
    throw new TypeError(`"${optionName}.${fdName}" is invalid: that file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  return fdNumber === "all" ? [1, 2] : [fdNumber];
};
var parseFd = (fdName) => {
  if (fdName === "all") {
    return fdName;
  }
  if (STANDARD_STREAMS_ALIASES.includes(fdName)) {
    return STANDARD_STREAMS_ALIASES.indexOf(fdName);
  }
  const regexpResult = FD_REGEXP.exec(fdName);
  if (regexpResult !== null) {
    return Number(regexpResult[1]);
  }
};
var FD_REGEXP = /^fd(\d+)$/;
var addDefaultValue = (optionArray, optionName) => optionArray.map((optionValue) => optionValue === void 0 ? DEFAULT_OPTIONS[optionName] : optionValue);
var verboseDefault = debuglog("execa").enabled ? "full" : "none";
var DEFAULT_OPTIONS = {
  lines: false,
  buffer: true,
  maxBuffer: 1e3 * 1e3 * 100,
  verbose: verboseDefault,
  stripFinalNewline: true
};
var FD_SPECIFIC_OPTIONS = ["lines", "buffer", "maxBuffer", "verbose", "stripFinalNewline"];
var getFdSpecificValue = (optionArray, fdNumber) => fdNumber === "ipc" ? optionArray.at(-1) : optionArray[fdNumber];

// node_modules/execa/lib/verbose/values.js
var isVerbose = ({ verbose }, fdNumber) => getFdVerbose(verbose, fdNumber) !== "none";
var isFullVerbose = ({ verbose }, fdNumber) => !["none", "short"].includes(getFdVerbose(verbose, fdNumber));
var getVerboseFunction = ({ verbose }, fdNumber) => {
  const fdVerbose = getFdVerbose(verbose, fdNumber);
  return isVerboseFunction(fdVerbose) ? fdVerbose : void 0;
};
var getFdVerbose = (verbose, fdNumber) => fdNumber === void 0 ? getFdGenericVerbose(verbose) : getFdSpecificValue(verbose, fdNumber);
var getFdGenericVerbose = (verbose) => verbose.find((fdVerbose) => isVerboseFunction(fdVerbose)) ?? VERBOSE_VALUES.findLast((fdVerbose) => verbose.includes(fdVerbose));
var isVerboseFunction = (fdVerbose) => typeof fdVerbose === "function";
var VERBOSE_VALUES = ["none", "short", "full"];

// node_modules/execa/lib/verbose/log.js
import { inspect } from "node:util";

// node_modules/execa/lib/arguments/escape.js
import { platform } from "node:process";
import { stripVTControlCharacters } from "node:util";
var joinCommand = (filePath, rawArguments) => {
  const fileAndArguments = [filePath, ...rawArguments];
  const command = fileAndArguments.join(" ");
  const escapedCommand = fileAndArguments.map((fileAndArgument) => quoteString(escapeControlCharacters(fileAndArgument))).join(" ");
  return { command, escapedCommand };
};
var escapeLines = (lines) => stripVTControlCharacters(lines).split("\n").map((line) => escapeControlCharacters(line)).join("\n");
var escapeControlCharacters = (line) => line.replaceAll(SPECIAL_CHAR_REGEXP, (character) => escapeControlCharacter(character));
var escapeControlCharacter = (character) => {
  const commonEscape = COMMON_ESCAPES[character];
  if (commonEscape !== void 0) {
    return commonEscape;
  }
  const codepoint = character.codePointAt(0);
  const codepointHex = codepoint.toString(16);
  return codepoint <= ASTRAL_START ? `\\u${codepointHex.padStart(4, "0")}` : `\\U${codepointHex}`;
};
var getSpecialCharRegExp = () => {
  try {
    return new RegExp("\\p{Separator}|\\p{Other}", "gu");
  } catch {
    return /[\s\u0000-\u001F\u007F-\u009F\u00AD]/g;
  }
};
var SPECIAL_CHAR_REGEXP = getSpecialCharRegExp();
var COMMON_ESCAPES = {
  " ": " ",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
var ASTRAL_START = 65535;
var quoteString = (escapedArgument) => {
  if (NO_ESCAPE_REGEXP.test(escapedArgument)) {
    return escapedArgument;
  }
  return platform === "win32" ? `"${escapedArgument.replaceAll('"', '""')}"` : `'${escapedArgument.replaceAll("'", "'\\''")}'`;
};
var NO_ESCAPE_REGEXP = /^[\w./-]+$/;

// node_modules/is-unicode-supported/index.js
import process3 from "node:process";
function isUnicodeSupported() {
  const { env } = process3;
  const { TERM, TERM_PROGRAM } = env;
  if (process3.platform !== "win32") {
    return TERM !== "linux";
  }
  return Boolean(env.WT_SESSION) || Boolean(env.TERMINUS_SUBLIME) || env.ConEmuTask === "{cmd::Cmder}" || TERM_PROGRAM === "Terminus-Sublime" || TERM_PROGRAM === "vscode" || TERM === "xterm-256color" || TERM === "alacritty" || TERM === "rxvt-unicode" || TERM === "rxvt-unicode-256color" || env.TERMINAL_EMULATOR === "JetBrains-JediTerm";
}

// node_modules/figures/index.js
var common2 = {
  circleQuestionMark: "(?)",
  questionMarkPrefix: "(?)",
  square: "\u2588",
  squareDarkShade: "\u2593",
  squareMediumShade: "\u2592",
  squareLightShade: "\u2591",
  squareTop: "\u2580",
  squareBottom: "\u2584",
  squareLeft: "\u258C",
  squareRight: "\u2590",
  squareCenter: "\u25A0",
  bullet: "\u25CF",
  dot: "\u2024",
  ellipsis: "\u2026",
  pointerSmall: "\u203A",
  triangleUp: "\u25B2",
  triangleUpSmall: "\u25B4",
  triangleDown: "\u25BC",
  triangleDownSmall: "\u25BE",
  triangleLeftSmall: "\u25C2",
  triangleRightSmall: "\u25B8",
  home: "\u2302",
  heart: "\u2665",
  musicNote: "\u266A",
  musicNoteBeamed: "\u266B",
  arrowUp: "\u2191",
  arrowDown: "\u2193",
  arrowLeft: "\u2190",
  arrowRight: "\u2192",
  arrowLeftRight: "\u2194",
  arrowUpDown: "\u2195",
  almostEqual: "\u2248",
  notEqual: "\u2260",
  lessOrEqual: "\u2264",
  greaterOrEqual: "\u2265",
  identical: "\u2261",
  infinity: "\u221E",
  subscriptZero: "\u2080",
  subscriptOne: "\u2081",
  subscriptTwo: "\u2082",
  subscriptThree: "\u2083",
  subscriptFour: "\u2084",
  subscriptFive: "\u2085",
  subscriptSix: "\u2086",
  subscriptSeven: "\u2087",
  subscriptEight: "\u2088",
  subscriptNine: "\u2089",
  oneHalf: "\xBD",
  oneThird: "\u2153",
  oneQuarter: "\xBC",
  oneFifth: "\u2155",
  oneSixth: "\u2159",
  oneEighth: "\u215B",
  twoThirds: "\u2154",
  twoFifths: "\u2156",
  threeQuarters: "\xBE",
  threeFifths: "\u2157",
  threeEighths: "\u215C",
  fourFifths: "\u2158",
  fiveSixths: "\u215A",
  fiveEighths: "\u215D",
  sevenEighths: "\u215E",
  line: "\u2500",
  lineBold: "\u2501",
  lineDouble: "\u2550",
  lineDashed0: "\u2504",
  lineDashed1: "\u2505",
  lineDashed2: "\u2508",
  lineDashed3: "\u2509",
  lineDashed4: "\u254C",
  lineDashed5: "\u254D",
  lineDashed6: "\u2574",
  lineDashed7: "\u2576",
  lineDashed8: "\u2578",
  lineDashed9: "\u257A",
  lineDashed10: "\u257C",
  lineDashed11: "\u257E",
  lineDashed12: "\u2212",
  lineDashed13: "\u2013",
  lineDashed14: "\u2010",
  lineDashed15: "\u2043",
  lineVertical: "\u2502",
  lineVerticalBold: "\u2503",
  lineVerticalDouble: "\u2551",
  lineVerticalDashed0: "\u2506",
  lineVerticalDashed1: "\u2507",
  lineVerticalDashed2: "\u250A",
  lineVerticalDashed3: "\u250B",
  lineVerticalDashed4: "\u254E",
  lineVerticalDashed5: "\u254F",
  lineVerticalDashed6: "\u2575",
  lineVerticalDashed7: "\u2577",
  lineVerticalDashed8: "\u2579",
  lineVerticalDashed9: "\u257B",
  lineVerticalDashed10: "\u257D",
  lineVerticalDashed11: "\u257F",
  lineDownLeft: "\u2510",
  lineDownLeftArc: "\u256E",
  lineDownBoldLeftBold: "\u2513",
  lineDownBoldLeft: "\u2512",
  lineDownLeftBold: "\u2511",
  lineDownDoubleLeftDouble: "\u2557",
  lineDownDoubleLeft: "\u2556",
  lineDownLeftDouble: "\u2555",
  lineDownRight: "\u250C",
  lineDownRightArc: "\u256D",
  lineDownBoldRightBold: "\u250F",
  lineDownBoldRight: "\u250E",
  lineDownRightBold: "\u250D",
  lineDownDoubleRightDouble: "\u2554",
  lineDownDoubleRight: "\u2553",
  lineDownRightDouble: "\u2552",
  lineUpLeft: "\u2518",
  lineUpLeftArc: "\u256F",
  lineUpBoldLeftBold: "\u251B",
  lineUpBoldLeft: "\u251A",
  lineUpLeftBold: "\u2519",
  lineUpDoubleLeftDouble: "\u255D",
  lineUpDoubleLeft: "\u255C",
  lineUpLeftDouble: "\u255B",
  lineUpRight: "\u2514",
  lineUpRightArc: "\u2570",
  lineUpBoldRightBold: "\u2517",
  lineUpBoldRight: "\u2516",
  lineUpRightBold: "\u2515",
  lineUpDoubleRightDouble: "\u255A",
  lineUpDoubleRight: "\u2559",
  lineUpRightDouble: "\u2558",
  lineUpDownLeft: "\u2524",
  lineUpBoldDownBoldLeftBold: "\u252B",
  lineUpBoldDownBoldLeft: "\u2528",
  lineUpDownLeftBold: "\u2525",
  lineUpBoldDownLeftBold: "\u2529",
  lineUpDownBoldLeftBold: "\u252A",
  lineUpDownBoldLeft: "\u2527",
  lineUpBoldDownLeft: "\u2526",
  lineUpDoubleDownDoubleLeftDouble: "\u2563",
  lineUpDoubleDownDoubleLeft: "\u2562",
  lineUpDownLeftDouble: "\u2561",
  lineUpDownRight: "\u251C",
  lineUpBoldDownBoldRightBold: "\u2523",
  lineUpBoldDownBoldRight: "\u2520",
  lineUpDownRightBold: "\u251D",
  lineUpBoldDownRightBold: "\u2521",
  lineUpDownBoldRightBold: "\u2522",
  lineUpDownBoldRight: "\u251F",
  lineUpBoldDownRight: "\u251E",
  lineUpDoubleDownDoubleRightDouble: "\u2560",
  lineUpDoubleDownDoubleRight: "\u255F",
  lineUpDownRightDouble: "\u255E",
  lineDownLeftRight: "\u252C",
  lineDownBoldLeftBoldRightBold: "\u2533",
  lineDownLeftBoldRightBold: "\u252F",
  lineDownBoldLeftRight: "\u2530",
  lineDownBoldLeftBoldRight: "\u2531",
  lineDownBoldLeftRightBold: "\u2532",
  lineDownLeftRightBold: "\u252E",
  lineDownLeftBoldRight: "\u252D",
  lineDownDoubleLeftDoubleRightDouble: "\u2566",
  lineDownDoubleLeftRight: "\u2565",
  lineDownLeftDoubleRightDouble: "\u2564",
  lineUpLeftRight: "\u2534",
  lineUpBoldLeftBoldRightBold: "\u253B",
  lineUpLeftBoldRightBold: "\u2537",
  lineUpBoldLeftRight: "\u2538",
  lineUpBoldLeftBoldRight: "\u2539",
  lineUpBoldLeftRightBold: "\u253A",
  lineUpLeftRightBold: "\u2536",
  lineUpLeftBoldRight: "\u2535",
  lineUpDoubleLeftDoubleRightDouble: "\u2569",
  lineUpDoubleLeftRight: "\u2568",
  lineUpLeftDoubleRightDouble: "\u2567",
  lineUpDownLeftRight: "\u253C",
  lineUpBoldDownBoldLeftBoldRightBold: "\u254B",
  lineUpDownBoldLeftBoldRightBold: "\u2548",
  lineUpBoldDownLeftBoldRightBold: "\u2547",
  lineUpBoldDownBoldLeftRightBold: "\u254A",
  lineUpBoldDownBoldLeftBoldRight: "\u2549",
  lineUpBoldDownLeftRight: "\u2540",
  lineUpDownBoldLeftRight: "\u2541",
  lineUpDownLeftBoldRight: "\u253D",
  lineUpDownLeftRightBold: "\u253E",
  lineUpBoldDownBoldLeftRight: "\u2542",
  lineUpDownLeftBoldRightBold: "\u253F",
  lineUpBoldDownLeftBoldRight: "\u2543",
  lineUpBoldDownLeftRightBold: "\u2544",
  lineUpDownBoldLeftBoldRight: "\u2545",
  lineUpDownBoldLeftRightBold: "\u2546",
  lineUpDoubleDownDoubleLeftDoubleRightDouble: "\u256C",
  lineUpDoubleDownDoubleLeftRight: "\u256B",
  lineUpDownLeftDoubleRightDouble: "\u256A",
  lineCross: "\u2573",
  lineBackslash: "\u2572",
  lineSlash: "\u2571"
};
var specialMainSymbols = {
  tick: "\u2714",
  info: "\u2139",
  warning: "\u26A0",
  cross: "\u2718",
  squareSmall: "\u25FB",
  squareSmallFilled: "\u25FC",
  circle: "\u25EF",
  circleFilled: "\u25C9",
  circleDotted: "\u25CC",
  circleDouble: "\u25CE",
  circleCircle: "\u24DE",
  circleCross: "\u24E7",
  circlePipe: "\u24BE",
  radioOn: "\u25C9",
  radioOff: "\u25EF",
  checkboxOn: "\u2612",
  checkboxOff: "\u2610",
  checkboxCircleOn: "\u24E7",
  checkboxCircleOff: "\u24BE",
  pointer: "\u276F",
  triangleUpOutline: "\u25B3",
  triangleLeft: "\u25C0",
  triangleRight: "\u25B6",
  lozenge: "\u25C6",
  lozengeOutline: "\u25C7",
  hamburger: "\u2630",
  smiley: "\u32E1",
  mustache: "\u0DF4",
  star: "\u2605",
  play: "\u25B6",
  nodejs: "\u2B22",
  oneSeventh: "\u2150",
  oneNinth: "\u2151",
  oneTenth: "\u2152"
};
var specialFallbackSymbols = {
  tick: "\u221A",
  info: "i",
  warning: "\u203C",
  cross: "\xD7",
  squareSmall: "\u25A1",
  squareSmallFilled: "\u25A0",
  circle: "( )",
  circleFilled: "(*)",
  circleDotted: "( )",
  circleDouble: "( )",
  circleCircle: "(\u25CB)",
  circleCross: "(\xD7)",
  circlePipe: "(\u2502)",
  radioOn: "(*)",
  radioOff: "( )",
  checkboxOn: "[\xD7]",
  checkboxOff: "[ ]",
  checkboxCircleOn: "(\xD7)",
  checkboxCircleOff: "( )",
  pointer: ">",
  triangleUpOutline: "\u2206",
  triangleLeft: "\u25C4",
  triangleRight: "\u25BA",
  lozenge: "\u2666",
  lozengeOutline: "\u25CA",
  hamburger: "\u2261",
  smiley: "\u263A",
  mustache: "\u250C\u2500\u2510",
  star: "\u2736",
  play: "\u25BA",
  nodejs: "\u2666",
  oneSeventh: "1/7",
  oneNinth: "1/9",
  oneTenth: "1/10"
};
var mainSymbols = { ...common2, ...specialMainSymbols };
var fallbackSymbols = { ...common2, ...specialFallbackSymbols };
var shouldUseMain = isUnicodeSupported();
var figures = shouldUseMain ? mainSymbols : fallbackSymbols;
var figures_default = figures;
var replacements = Object.entries(specialMainSymbols);

// node_modules/yoctocolors/base.js
import tty from "node:tty";
var hasColors = tty?.WriteStream?.prototype?.hasColors?.() ?? false;
var format = (open2, close) => {
  if (!hasColors) {
    return (input) => input;
  }
  const openCode = `\x1B[${open2}m`;
  const closeCode = `\x1B[${close}m`;
  return (input) => {
    const string = input + "";
    let index = string.indexOf(closeCode);
    if (index === -1) {
      return openCode + string + closeCode;
    }
    let result = openCode;
    let lastIndex = 0;
    const reopenOnNestedClose = close === 22;
    const replaceCode = (reopenOnNestedClose ? closeCode : "") + openCode;
    while (index !== -1) {
      result += string.slice(lastIndex, index) + replaceCode;
      lastIndex = index + closeCode.length;
      index = string.indexOf(closeCode, lastIndex);
    }
    result += string.slice(lastIndex) + closeCode;
    return result;
  };
};
var reset = format(0, 0);
var bold = format(1, 22);
var dim = format(2, 22);
var italic = format(3, 23);
var underline = format(4, 24);
var underlineDouble = format("4:2", 24);
var underlineCurly = format("4:3", 24);
var underlineDotted = format("4:4", 24);
var underlineDashed = format("4:5", 24);
var overline = format(53, 55);
var inverse = format(7, 27);
var hidden = format(8, 28);
var strikethrough = format(9, 29);
var black = format(30, 39);
var red = format(31, 39);
var green = format(32, 39);
var yellow = format(33, 39);
var blue = format(34, 39);
var magenta = format(35, 39);
var cyan = format(36, 39);
var white = format(37, 39);
var gray = format(90, 39);
var bgBlack = format(40, 49);
var bgRed = format(41, 49);
var bgGreen = format(42, 49);
var bgYellow = format(43, 49);
var bgBlue = format(44, 49);
var bgMagenta = format(45, 49);
var bgCyan = format(46, 49);
var bgWhite = format(47, 49);
var bgGray = format(100, 49);
var redBright = format(91, 39);
var greenBright = format(92, 39);
var yellowBright = format(93, 39);
var blueBright = format(94, 39);
var magentaBright = format(95, 39);
var cyanBright = format(96, 39);
var whiteBright = format(97, 39);
var bgRedBright = format(101, 49);
var bgGreenBright = format(102, 49);
var bgYellowBright = format(103, 49);
var bgBlueBright = format(104, 49);
var bgMagentaBright = format(105, 49);
var bgCyanBright = format(106, 49);
var bgWhiteBright = format(107, 49);
var underlineBlack = format("58;5;0", 59);
var underlineRed = format("58;5;1", 59);
var underlineGreen = format("58;5;2", 59);
var underlineYellow = format("58;5;3", 59);
var underlineBlue = format("58;5;4", 59);
var underlineMagenta = format("58;5;5", 59);
var underlineCyan = format("58;5;6", 59);
var underlineWhite = format("58;5;7", 59);
var underlineGray = format("58;5;8", 59);
var underlineRedBright = format("58;5;9", 59);
var underlineGreenBright = format("58;5;10", 59);
var underlineYellowBright = format("58;5;11", 59);
var underlineBlueBright = format("58;5;12", 59);
var underlineMagentaBright = format("58;5;13", 59);
var underlineCyanBright = format("58;5;14", 59);
var underlineWhiteBright = format("58;5;15", 59);

// node_modules/execa/lib/verbose/default.js
var defaultVerboseFunction = ({
  type,
  message,
  timestamp,
  piped,
  commandId,
  result: { failed: failed2 = false } = {},
  options: { reject = true }
}) => {
  const timestampString = serializeTimestamp(timestamp);
  const icon = ICONS[type]({ failed: failed2, reject, piped });
  const color = COLORS[type]({ reject });
  return `${gray(`[${timestampString}]`)} ${gray(`[${commandId}]`)} ${color(icon)} ${color(message)}`;
};
var serializeTimestamp = (timestamp) => `${padField(timestamp.getHours(), 2)}:${padField(timestamp.getMinutes(), 2)}:${padField(timestamp.getSeconds(), 2)}.${padField(timestamp.getMilliseconds(), 3)}`;
var padField = (field2, padding) => String(field2).padStart(padding, "0");
var getFinalIcon = ({ failed: failed2, reject }) => {
  if (!failed2) {
    return figures_default.tick;
  }
  return reject ? figures_default.cross : figures_default.warning;
};
var ICONS = {
  command: ({ piped }) => piped ? "|" : "$",
  output: () => " ",
  ipc: () => "*",
  error: getFinalIcon,
  duration: getFinalIcon
};
var identity = (string) => string;
var COLORS = {
  command: () => bold,
  output: () => identity,
  ipc: () => identity,
  error: ({ reject }) => reject ? redBright : yellowBright,
  duration: () => gray
};

// node_modules/execa/lib/verbose/custom.js
var applyVerboseOnLines = (printedLines, verboseInfo, fdNumber) => {
  const verboseFunction = getVerboseFunction(verboseInfo, fdNumber);
  return printedLines.map(({ verboseLine, verboseObject }) => applyVerboseFunction(verboseLine, verboseObject, verboseFunction)).filter((printedLine) => printedLine !== void 0).map((printedLine) => appendNewline(printedLine)).join("");
};
var applyVerboseFunction = (verboseLine, verboseObject, verboseFunction) => {
  if (verboseFunction === void 0) {
    return verboseLine;
  }
  const printedLine = verboseFunction(verboseLine, verboseObject);
  if (typeof printedLine === "string") {
    return printedLine;
  }
};
var appendNewline = (printedLine) => printedLine.endsWith("\n") ? printedLine : `${printedLine}
`;

// node_modules/execa/lib/verbose/log.js
var verboseLog = ({ type, verboseMessage, fdNumber, verboseInfo, result }) => {
  const verboseObject = getVerboseObject({ type, result, verboseInfo });
  const printedLines = getPrintedLines(verboseMessage, verboseObject);
  const finalLines = applyVerboseOnLines(printedLines, verboseInfo, fdNumber);
  if (finalLines !== "") {
    console.warn(finalLines.slice(0, -1));
  }
};
var getVerboseObject = ({
  type,
  result,
  verboseInfo: { escapedCommand, commandId, rawOptions: { piped = false, ...options } }
}) => ({
  type,
  escapedCommand,
  commandId: `${commandId}`,
  timestamp: /* @__PURE__ */ new Date(),
  piped,
  result,
  options
});
var getPrintedLines = (verboseMessage, verboseObject) => verboseMessage.split("\n").map((message) => getPrintedLine({ ...verboseObject, message }));
var getPrintedLine = (verboseObject) => {
  const verboseLine = defaultVerboseFunction(verboseObject);
  return { verboseLine, verboseObject };
};
var serializeVerboseMessage = (message) => {
  const messageString = typeof message === "string" ? message : inspect(message);
  const escapedMessage = escapeLines(messageString);
  return escapedMessage.replaceAll("	", " ".repeat(TAB_SIZE));
};
var TAB_SIZE = 2;

// node_modules/execa/lib/verbose/start.js
var logCommand = (escapedCommand, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  verboseLog({
    type: "command",
    verboseMessage: escapedCommand,
    verboseInfo
  });
};

// node_modules/execa/lib/verbose/info.js
var getVerboseInfo = (verbose, escapedCommand, rawOptions) => {
  validateVerbose(verbose);
  const commandId = getCommandId(verbose);
  return {
    verbose,
    escapedCommand,
    commandId,
    rawOptions
  };
};
var getCommandId = (verbose) => isVerbose({ verbose }) ? COMMAND_ID++ : void 0;
var COMMAND_ID = 0n;
var validateVerbose = (verbose) => {
  for (const fdVerbose of verbose) {
    if (fdVerbose === false) {
      throw new TypeError(`The "verbose: false" option was renamed to "verbose: 'none'".`);
    }
    if (fdVerbose === true) {
      throw new TypeError(`The "verbose: true" option was renamed to "verbose: 'short'".`);
    }
    if (!VERBOSE_VALUES.includes(fdVerbose) && !isVerboseFunction(fdVerbose)) {
      const allowedValues = VERBOSE_VALUES.map((allowedValue) => `'${allowedValue}'`).join(", ");
      throw new TypeError(`The "verbose" option must not be ${fdVerbose}. Allowed values are: ${allowedValues} or a function.`);
    }
  }
};

// node_modules/execa/lib/return/duration.js
import { hrtime } from "node:process";
var getStartTime = () => hrtime.bigint();
var getDurationMs = (startTime) => Number(hrtime.bigint() - startTime) / 1e6;

// node_modules/execa/lib/arguments/command.js
var handleCommand = (filePath, rawArguments, rawOptions) => {
  const startTime = getStartTime();
  const { command, escapedCommand } = joinCommand(filePath, rawArguments);
  const verbose = normalizeFdSpecificOption(rawOptions, "verbose");
  const verboseInfo = getVerboseInfo(verbose, escapedCommand, { ...rawOptions });
  logCommand(escapedCommand, verboseInfo);
  return {
    command,
    escapedCommand,
    startTime,
    verboseInfo
  };
};

// node_modules/execa/lib/arguments/options.js
var import_cross_spawn = __toESM(require_cross_spawn(), 1);
import path5 from "node:path";
import process6 from "node:process";

// node_modules/npm-run-path/index.js
import process4 from "node:process";
import path2 from "node:path";

// node_modules/npm-run-path/node_modules/path-key/index.js
function pathKey(options = {}) {
  const {
    env = process.env,
    platform: platform2 = process.platform
  } = options;
  if (platform2 !== "win32") {
    return "PATH";
  }
  return Object.keys(env).reverse().find((key) => key.toUpperCase() === "PATH") || "Path";
}

// node_modules/unicorn-magic/node.js
import { promisify } from "node:util";
import { execFile as execFileCallback, execFileSync as execFileSyncOriginal } from "node:child_process";
import path from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var execFileOriginal = promisify(execFileCallback);
function toPath(urlOrPath) {
  return urlOrPath instanceof URL ? fileURLToPath2(urlOrPath) : urlOrPath;
}
function traversePathUp(startPath) {
  return {
    *[Symbol.iterator]() {
      let currentPath = path.resolve(toPath(startPath));
      let previousPath;
      while (previousPath !== currentPath) {
        yield currentPath;
        previousPath = currentPath;
        currentPath = path.resolve(currentPath, "..");
      }
    }
  };
}
var TEN_MEGABYTES_IN_BYTES = 10 * 1024 * 1024;

// node_modules/npm-run-path/index.js
var npmRunPath = ({
  cwd = process4.cwd(),
  path: pathOption = process4.env[pathKey()],
  preferLocal = true,
  execPath: execPath2 = process4.execPath,
  addExecPath = true
} = {}) => {
  const cwdPath = path2.resolve(toPath(cwd));
  const result = [];
  const pathParts = pathOption.split(path2.delimiter);
  if (preferLocal) {
    applyPreferLocal(result, pathParts, cwdPath);
  }
  if (addExecPath) {
    applyExecPath(result, pathParts, execPath2, cwdPath);
  }
  return pathOption === "" || pathOption === path2.delimiter ? `${result.join(path2.delimiter)}${pathOption}` : [...result, pathOption].join(path2.delimiter);
};
var applyPreferLocal = (result, pathParts, cwdPath) => {
  for (const directory of traversePathUp(cwdPath)) {
    const pathPart = path2.join(directory, "node_modules/.bin");
    if (!pathParts.includes(pathPart)) {
      result.push(pathPart);
    }
  }
};
var applyExecPath = (result, pathParts, execPath2, cwdPath) => {
  const pathPart = path2.resolve(cwdPath, toPath(execPath2), "..");
  if (!pathParts.includes(pathPart)) {
    result.push(pathPart);
  }
};
var npmRunPathEnv = ({ env = process4.env, ...options } = {}) => {
  env = { ...env };
  const pathName = pathKey({ env });
  options.path = env[pathName];
  env[pathName] = npmRunPath(options);
  return env;
};

// node_modules/execa/lib/terminate/kill.js
import { setTimeout as setTimeout2 } from "node:timers/promises";

// node_modules/execa/lib/return/final-error.js
var getFinalError = (originalError, message, isSync) => {
  const ErrorClass = isSync ? ExecaSyncError : ExecaError;
  const options = originalError instanceof DiscardedError ? {} : { cause: originalError };
  return new ErrorClass(message, options);
};
var DiscardedError = class extends Error {
};
var setErrorName = (ErrorClass, value) => {
  Object.defineProperty(ErrorClass.prototype, "name", {
    value,
    writable: true,
    enumerable: false,
    configurable: true
  });
  Object.defineProperty(ErrorClass.prototype, execaErrorSymbol, {
    value: true,
    writable: false,
    enumerable: false,
    configurable: false
  });
};
var isExecaError = (error) => isErrorInstance(error) && execaErrorSymbol in error;
var execaErrorSymbol = /* @__PURE__ */ Symbol("isExecaError");
var isErrorInstance = (value) => Object.prototype.toString.call(value) === "[object Error]";
var ExecaError = class extends Error {
};
setErrorName(ExecaError, ExecaError.name);
var ExecaSyncError = class extends Error {
};
setErrorName(ExecaSyncError, ExecaSyncError.name);

// node_modules/execa/lib/terminate/signal.js
import { constants as constants4 } from "node:os";

// node_modules/human-signals/build/src/main.js
import { constants as constants3 } from "node:os";

// node_modules/human-signals/build/src/realtime.js
var getRealtimeSignals = () => {
  const length = SIGRTMAX - SIGRTMIN + 1;
  return Array.from({ length }, getRealtimeSignal);
};
var getRealtimeSignal = (value, index) => ({
  name: `SIGRT${index + 1}`,
  number: SIGRTMIN + index,
  action: "terminate",
  description: "Application-specific signal (realtime)",
  standard: "posix"
});
var SIGRTMIN = 34;
var SIGRTMAX = 64;

// node_modules/human-signals/build/src/signals.js
import { constants as constants2 } from "node:os";

// node_modules/human-signals/build/src/core.js
var SIGNALS = [
  {
    name: "SIGHUP",
    number: 1,
    action: "terminate",
    description: "Terminal closed",
    standard: "posix"
  },
  {
    name: "SIGINT",
    number: 2,
    action: "terminate",
    description: "User interruption with CTRL-C",
    standard: "ansi"
  },
  {
    name: "SIGQUIT",
    number: 3,
    action: "core",
    description: "User interruption with CTRL-\\",
    standard: "posix"
  },
  {
    name: "SIGILL",
    number: 4,
    action: "core",
    description: "Invalid machine instruction",
    standard: "ansi"
  },
  {
    name: "SIGTRAP",
    number: 5,
    action: "core",
    description: "Debugger breakpoint",
    standard: "posix"
  },
  {
    name: "SIGABRT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "ansi"
  },
  {
    name: "SIGIOT",
    number: 6,
    action: "core",
    description: "Aborted",
    standard: "bsd"
  },
  {
    name: "SIGBUS",
    number: 7,
    action: "core",
    description: "Bus error due to misaligned, non-existing address or paging error",
    standard: "bsd"
  },
  {
    name: "SIGEMT",
    number: 7,
    action: "terminate",
    description: "Command should be emulated but is not implemented",
    standard: "other"
  },
  {
    name: "SIGFPE",
    number: 8,
    action: "core",
    description: "Floating point arithmetic error",
    standard: "ansi"
  },
  {
    name: "SIGKILL",
    number: 9,
    action: "terminate",
    description: "Forced termination",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGUSR1",
    number: 10,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGSEGV",
    number: 11,
    action: "core",
    description: "Segmentation fault",
    standard: "ansi"
  },
  {
    name: "SIGUSR2",
    number: 12,
    action: "terminate",
    description: "Application-specific signal",
    standard: "posix"
  },
  {
    name: "SIGPIPE",
    number: 13,
    action: "terminate",
    description: "Broken pipe or socket",
    standard: "posix"
  },
  {
    name: "SIGALRM",
    number: 14,
    action: "terminate",
    description: "Timeout or timer",
    standard: "posix"
  },
  {
    name: "SIGTERM",
    number: 15,
    action: "terminate",
    description: "Termination",
    standard: "ansi"
  },
  {
    name: "SIGSTKFLT",
    number: 16,
    action: "terminate",
    description: "Stack is empty or overflowed",
    standard: "other"
  },
  {
    name: "SIGCHLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "posix"
  },
  {
    name: "SIGCLD",
    number: 17,
    action: "ignore",
    description: "Child process terminated, paused or unpaused",
    standard: "other"
  },
  {
    name: "SIGCONT",
    number: 18,
    action: "unpause",
    description: "Unpaused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGSTOP",
    number: 19,
    action: "pause",
    description: "Paused",
    standard: "posix",
    forced: true
  },
  {
    name: "SIGTSTP",
    number: 20,
    action: "pause",
    description: 'Paused using CTRL-Z or "suspend"',
    standard: "posix"
  },
  {
    name: "SIGTTIN",
    number: 21,
    action: "pause",
    description: "Background process cannot read terminal input",
    standard: "posix"
  },
  {
    name: "SIGBREAK",
    number: 21,
    action: "terminate",
    description: "User interruption with CTRL-BREAK",
    standard: "other"
  },
  {
    name: "SIGTTOU",
    number: 22,
    action: "pause",
    description: "Background process cannot write to terminal output",
    standard: "posix"
  },
  {
    name: "SIGURG",
    number: 23,
    action: "ignore",
    description: "Socket received out-of-band data",
    standard: "bsd"
  },
  {
    name: "SIGXCPU",
    number: 24,
    action: "core",
    description: "Process timed out",
    standard: "bsd"
  },
  {
    name: "SIGXFSZ",
    number: 25,
    action: "core",
    description: "File too big",
    standard: "bsd"
  },
  {
    name: "SIGVTALRM",
    number: 26,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGPROF",
    number: 27,
    action: "terminate",
    description: "Timeout or timer",
    standard: "bsd"
  },
  {
    name: "SIGWINCH",
    number: 28,
    action: "ignore",
    description: "Terminal window size changed",
    standard: "bsd"
  },
  {
    name: "SIGIO",
    number: 29,
    action: "terminate",
    description: "I/O is available",
    standard: "other"
  },
  {
    name: "SIGPOLL",
    number: 29,
    action: "terminate",
    description: "Watched event",
    standard: "other"
  },
  {
    name: "SIGINFO",
    number: 29,
    action: "ignore",
    description: "Request for process information",
    standard: "other"
  },
  {
    name: "SIGPWR",
    number: 30,
    action: "terminate",
    description: "Device running out of power",
    standard: "systemv"
  },
  {
    name: "SIGSYS",
    number: 31,
    action: "core",
    description: "Invalid system call",
    standard: "other"
  },
  {
    name: "SIGUNUSED",
    number: 31,
    action: "terminate",
    description: "Invalid system call",
    standard: "other"
  }
];

// node_modules/human-signals/build/src/signals.js
var getSignals = () => {
  const realtimeSignals = getRealtimeSignals();
  const signals2 = [...SIGNALS, ...realtimeSignals].map(normalizeSignal);
  return signals2;
};
var normalizeSignal = ({
  name,
  number: defaultNumber,
  description,
  action,
  forced = false,
  standard
}) => {
  const {
    signals: { [name]: constantSignal }
  } = constants2;
  const supported = constantSignal !== void 0;
  const number = supported ? constantSignal : defaultNumber;
  return { name, number, description, supported, action, forced, standard };
};

// node_modules/human-signals/build/src/main.js
var getSignalsByName = () => {
  const signals2 = getSignals();
  return Object.fromEntries(signals2.map(getSignalByName));
};
var getSignalByName = ({
  name,
  number,
  description,
  supported,
  action,
  forced,
  standard
}) => [name, { name, number, description, supported, action, forced, standard }];
var signalsByName = getSignalsByName();
var getSignalsByNumber = () => {
  const signals2 = getSignals();
  const length = SIGRTMAX + 1;
  const signalsA = Array.from(
    { length },
    (value, number) => getSignalByNumber(number, signals2)
  );
  return Object.assign({}, ...signalsA);
};
var getSignalByNumber = (number, signals2) => {
  const signal = findSignalByNumber(number, signals2);
  if (signal === void 0) {
    return {};
  }
  const { name, description, supported, action, forced, standard } = signal;
  return {
    [number]: {
      name,
      number,
      description,
      supported,
      action,
      forced,
      standard
    }
  };
};
var findSignalByNumber = (number, signals2) => {
  const signal = signals2.find(({ name }) => constants3.signals[name] === number);
  if (signal !== void 0) {
    return signal;
  }
  return signals2.find((signalA) => signalA.number === number);
};
var signalsByNumber = getSignalsByNumber();

// node_modules/execa/lib/terminate/signal.js
var normalizeKillSignal = (killSignal) => {
  const optionName = "option `killSignal`";
  if (killSignal === 0) {
    throw new TypeError(`Invalid ${optionName}: 0 cannot be used.`);
  }
  return normalizeSignal2(killSignal, optionName);
};
var normalizeSignalArgument = (signal) => signal === 0 ? signal : normalizeSignal2(signal, "`subprocess.kill()`'s argument");
var normalizeSignal2 = (signalNameOrInteger, optionName) => {
  if (Number.isInteger(signalNameOrInteger)) {
    return normalizeSignalInteger(signalNameOrInteger, optionName);
  }
  if (typeof signalNameOrInteger === "string") {
    return normalizeSignalName(signalNameOrInteger, optionName);
  }
  throw new TypeError(`Invalid ${optionName} ${String(signalNameOrInteger)}: it must be a string or an integer.
${getAvailableSignals()}`);
};
var normalizeSignalInteger = (signalInteger, optionName) => {
  if (signalsIntegerToName.has(signalInteger)) {
    return signalsIntegerToName.get(signalInteger);
  }
  throw new TypeError(`Invalid ${optionName} ${signalInteger}: this signal integer does not exist.
${getAvailableSignals()}`);
};
var getSignalsIntegerToName = () => new Map(Object.entries(constants4.signals).reverse().map(([signalName, signalInteger]) => [signalInteger, signalName]));
var signalsIntegerToName = getSignalsIntegerToName();
var normalizeSignalName = (signalName, optionName) => {
  if (signalName in constants4.signals) {
    return signalName;
  }
  if (signalName.toUpperCase() in constants4.signals) {
    throw new TypeError(`Invalid ${optionName} '${signalName}': please rename it to '${signalName.toUpperCase()}'.`);
  }
  throw new TypeError(`Invalid ${optionName} '${signalName}': this signal name does not exist.
${getAvailableSignals()}`);
};
var getAvailableSignals = () => `Available signal names: ${getAvailableSignalNames()}.
Available signal numbers: ${getAvailableSignalIntegers()}.`;
var getAvailableSignalNames = () => Object.keys(constants4.signals).sort().map((signalName) => `'${signalName}'`).join(", ");
var getAvailableSignalIntegers = () => [...new Set(Object.values(constants4.signals).sort((signalInteger, signalIntegerTwo) => signalInteger - signalIntegerTwo))].join(", ");
var getSignalDescription = (signal) => signalsByName[signal].description;

// node_modules/execa/lib/terminate/kill.js
var normalizeForceKillAfterDelay = (forceKillAfterDelay) => {
  if (forceKillAfterDelay === false) {
    return forceKillAfterDelay;
  }
  if (forceKillAfterDelay === true) {
    return DEFAULT_FORCE_KILL_TIMEOUT;
  }
  if (!Number.isFinite(forceKillAfterDelay) || forceKillAfterDelay < 0) {
    throw new TypeError(`Expected the \`forceKillAfterDelay\` option to be a non-negative integer, got \`${forceKillAfterDelay}\` (${typeof forceKillAfterDelay})`);
  }
  return forceKillAfterDelay;
};
var DEFAULT_FORCE_KILL_TIMEOUT = 1e3 * 5;
var subprocessKill = ({ kill, options: { forceKillAfterDelay, killSignal }, onInternalError, context, controller }, signalOrError, errorArgument) => {
  const { signal, error } = parseKillArguments(signalOrError, errorArgument, killSignal);
  emitKillError(error, onInternalError);
  const killResult = kill(signal);
  setKillTimeout({
    kill,
    signal,
    forceKillAfterDelay,
    killSignal,
    killResult,
    context,
    controller
  });
  return killResult;
};
var parseKillArguments = (signalOrError, errorArgument, killSignal) => {
  const [signal = killSignal, error] = isErrorInstance(signalOrError) ? [void 0, signalOrError] : [signalOrError, errorArgument];
  if (typeof signal !== "string" && !Number.isInteger(signal)) {
    throw new TypeError(`The first argument must be an error instance or a signal name string/integer: ${String(signal)}`);
  }
  if (error !== void 0 && !isErrorInstance(error)) {
    throw new TypeError(`The second argument is optional. If specified, it must be an error instance: ${error}`);
  }
  return { signal: normalizeSignalArgument(signal), error };
};
var emitKillError = (error, onInternalError) => {
  if (error !== void 0) {
    onInternalError.reject(error);
  }
};
var setKillTimeout = async ({ kill, signal, forceKillAfterDelay, killSignal, killResult, context, controller }) => {
  if (signal === killSignal && killResult) {
    killOnTimeout({
      kill,
      forceKillAfterDelay,
      context,
      controllerSignal: controller.signal
    });
  }
};
var killOnTimeout = async ({ kill, forceKillAfterDelay, context, controllerSignal }) => {
  if (forceKillAfterDelay === false) {
    return;
  }
  try {
    await setTimeout2(forceKillAfterDelay, void 0, { signal: controllerSignal });
    if (kill("SIGKILL")) {
      context.isForcefullyTerminated ??= true;
    }
  } catch {
  }
};

// node_modules/execa/lib/utils/abort-signal.js
import { once } from "node:events";
var onAbortedSignal = async (mainSignal, stopSignal) => {
  if (!mainSignal.aborted) {
    await once(mainSignal, "abort", { signal: stopSignal });
  }
};

// node_modules/execa/lib/terminate/cancel.js
var validateCancelSignal = ({ cancelSignal }) => {
  if (cancelSignal !== void 0 && Object.prototype.toString.call(cancelSignal) !== "[object AbortSignal]") {
    throw new Error(`The \`cancelSignal\` option must be an AbortSignal: ${String(cancelSignal)}`);
  }
};
var throwOnCancel = ({ subprocess, cancelSignal, gracefulCancel, context, controller }) => cancelSignal === void 0 || gracefulCancel ? [] : [terminateOnCancel(subprocess, cancelSignal, context, controller)];
var terminateOnCancel = async (subprocess, cancelSignal, context, { signal }) => {
  await onAbortedSignal(cancelSignal, signal);
  context.terminationReason ??= "cancel";
  subprocess.kill();
  throw cancelSignal.reason;
};

// node_modules/execa/lib/ipc/graceful.js
import { scheduler as scheduler2 } from "node:timers/promises";

// node_modules/execa/lib/ipc/send.js
import { promisify as promisify2 } from "node:util";

// node_modules/execa/lib/ipc/validation.js
var validateIpcMethod = ({ methodName, isSubprocess, ipc, isConnected: isConnected2 }) => {
  validateIpcOption(methodName, isSubprocess, ipc);
  validateConnection(methodName, isSubprocess, isConnected2);
};
var validateIpcOption = (methodName, isSubprocess, ipc) => {
  if (!ipc) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} can only be used if the \`ipc\` option is \`true\`.`);
  }
};
var validateConnection = (methodName, isSubprocess, isConnected2) => {
  if (!isConnected2) {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} has already exited or disconnected.`);
  }
};
var throwOnEarlyDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("getOneMessage", isSubprocess)} could not complete: the ${getOtherProcessName(isSubprocess)} exited or disconnected.`);
};
var throwOnStrictDeadlockError = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is sending a message too, instead of listening to incoming messages.
This can be fixed by both sending a message and listening to incoming messages at the same time:

const [receivedMessage] = await Promise.all([
	${getMethodName("getOneMessage", isSubprocess)},
	${getMethodName("sendMessage", isSubprocess, "message, {strict: true}")},
]);`);
};
var getStrictResponseError = (error, isSubprocess) => new Error(`${getMethodName("sendMessage", isSubprocess)} failed when sending an acknowledgment response to the ${getOtherProcessName(isSubprocess)}.`, { cause: error });
var throwOnMissingStrict = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} is not listening to incoming messages.`);
};
var throwOnStrictDisconnect = (isSubprocess) => {
  throw new Error(`${getMethodName("sendMessage", isSubprocess)} failed: the ${getOtherProcessName(isSubprocess)} exited without listening to incoming messages.`);
};
var getAbortDisconnectError = () => new Error(`\`cancelSignal\` aborted: the ${getOtherProcessName(true)} disconnected.`);
var throwOnMissingParent = () => {
  throw new Error("`getCancelSignal()` cannot be used without setting the `cancelSignal` subprocess option.");
};
var handleEpipeError = ({ error, methodName, isSubprocess }) => {
  if (error.code === "EPIPE") {
    throw new Error(`${getMethodName(methodName, isSubprocess)} cannot be used: the ${getOtherProcessName(isSubprocess)} is disconnecting.`, { cause: error });
  }
};
var handleSerializationError = ({ error, methodName, isSubprocess, message }) => {
  if (isSerializationError(error)) {
    throw new Error(`${getMethodName(methodName, isSubprocess)}'s argument type is invalid: the message cannot be serialized: ${String(message)}.`, { cause: error });
  }
};
var isSerializationError = ({ code, message }) => SERIALIZATION_ERROR_CODES.has(code) || SERIALIZATION_ERROR_MESSAGES.some((serializationErrorMessage) => message.includes(serializationErrorMessage));
var SERIALIZATION_ERROR_CODES = /* @__PURE__ */ new Set([
  // Message is `undefined`
  "ERR_MISSING_ARGS",
  // Message is a function, a bigint, a symbol
  "ERR_INVALID_ARG_TYPE"
]);
var SERIALIZATION_ERROR_MESSAGES = [
  // Message is a promise or a proxy, with `serialization: 'advanced'`
  "could not be cloned",
  // Message has cycles, with `serialization: 'json'`
  "circular structure",
  // Message has cycles inside toJSON(), with `serialization: 'json'`
  "call stack size exceeded"
];
var getMethodName = (methodName, isSubprocess, parameters = "") => methodName === "cancelSignal" ? "`cancelSignal`'s `controller.abort()`" : `${getNamespaceName(isSubprocess)}${methodName}(${parameters})`;
var getNamespaceName = (isSubprocess) => isSubprocess ? "" : "subprocess.";
var getOtherProcessName = (isSubprocess) => isSubprocess ? "parent process" : "subprocess";
var disconnect = (anyProcess) => {
  if (anyProcess.connected) {
    anyProcess.disconnect();
  }
};

// node_modules/execa/lib/utils/deferred.js
var createDeferred = () => {
  const methods = {};
  const promise = new Promise((resolve12, reject) => {
    Object.assign(methods, { resolve: resolve12, reject });
  });
  return Object.assign(promise, methods);
};

// node_modules/execa/lib/arguments/fd-options.js
var getToStream = (destination, to = "stdin") => {
  const isWritable = true;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(destination);
  const fdNumber = getFdNumber(fileDescriptors, to, isWritable);
  const destinationStream = destination.stdio[fdNumber];
  if (destinationStream === null) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, to, options, isWritable));
  }
  return destinationStream;
};
var getFromStream = (source, from = "stdout") => {
  const isWritable = false;
  const { options, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  const fdNumber = getFdNumber(fileDescriptors, from, isWritable);
  const sourceStream = fdNumber === "all" ? source.all : source.stdio[fdNumber];
  if (sourceStream === null || sourceStream === void 0) {
    throw new TypeError(getInvalidStdioOptionMessage(fdNumber, from, options, isWritable));
  }
  return sourceStream;
};
var SUBPROCESS_OPTIONS = /* @__PURE__ */ new WeakMap();
var getFdNumber = (fileDescriptors, fdName, isWritable) => {
  const fdNumber = parseFdNumber(fdName, isWritable);
  validateFdNumber(fdNumber, fdName, isWritable, fileDescriptors);
  return fdNumber;
};
var parseFdNumber = (fdName, isWritable) => {
  const fdNumber = parseFd(fdName);
  if (fdNumber !== void 0) {
    return fdNumber;
  }
  const { validOptions, defaultValue: defaultValue2 } = isWritable ? { validOptions: '"stdin"', defaultValue: "stdin" } : { validOptions: '"stdout", "stderr", "all"', defaultValue: "stdout" };
  throw new TypeError(`"${getOptionName(isWritable)}" must not be "${fdName}".
It must be ${validOptions} or "fd3", "fd4" (and so on).
It is optional and defaults to "${defaultValue2}".`);
};
var validateFdNumber = (fdNumber, fdName, isWritable, fileDescriptors) => {
  const fileDescriptor = fileDescriptors[getUsedDescriptor(fdNumber)];
  if (fileDescriptor === void 0) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. That file descriptor does not exist.
Please set the "stdio" option to ensure that file descriptor exists.`);
  }
  if (fileDescriptor.direction === "input" && !isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a readable stream, not writable.`);
  }
  if (fileDescriptor.direction !== "input" && isWritable) {
    throw new TypeError(`"${getOptionName(isWritable)}" must not be ${fdName}. It must be a writable stream, not readable.`);
  }
};
var getInvalidStdioOptionMessage = (fdNumber, fdName, options, isWritable) => {
  if (fdNumber === "all" && !options.all) {
    return `The "all" option must be true to use "from: 'all'".`;
  }
  const { optionName, optionValue } = getInvalidStdioOption(fdNumber, options);
  return `The "${optionName}: ${serializeOptionValue(optionValue)}" option is incompatible with using "${getOptionName(isWritable)}: ${serializeOptionValue(fdName)}".
Please set this option with "pipe" instead.`;
};
var getInvalidStdioOption = (fdNumber, { stdin, stdout, stderr, stdio }) => {
  const usedDescriptor = getUsedDescriptor(fdNumber);
  if (usedDescriptor === 0 && stdin !== void 0) {
    return { optionName: "stdin", optionValue: stdin };
  }
  if (usedDescriptor === 1 && stdout !== void 0) {
    return { optionName: "stdout", optionValue: stdout };
  }
  if (usedDescriptor === 2 && stderr !== void 0) {
    return { optionName: "stderr", optionValue: stderr };
  }
  return { optionName: `stdio[${usedDescriptor}]`, optionValue: stdio[usedDescriptor] };
};
var getUsedDescriptor = (fdNumber) => fdNumber === "all" ? 1 : fdNumber;
var getOptionName = (isWritable) => isWritable ? "to" : "from";
var serializeOptionValue = (value) => {
  if (typeof value === "string") {
    return `'${value}'`;
  }
  return typeof value === "number" ? `${value}` : "Stream";
};

// node_modules/execa/lib/ipc/strict.js
import { once as once3 } from "node:events";

// node_modules/execa/lib/utils/max-listeners.js
import { addAbortListener } from "node:events";
var incrementMaxListeners = (eventEmitter, maxListenersIncrement, signal) => {
  const maxListeners = eventEmitter.getMaxListeners();
  if (maxListeners === 0 || maxListeners === Number.POSITIVE_INFINITY) {
    return;
  }
  eventEmitter.setMaxListeners(maxListeners + maxListenersIncrement);
  addAbortListener(signal, () => {
    eventEmitter.setMaxListeners(eventEmitter.getMaxListeners() - maxListenersIncrement);
  });
};

// node_modules/execa/lib/ipc/forward.js
import { EventEmitter } from "node:events";

// node_modules/execa/lib/ipc/incoming.js
import { once as once2 } from "node:events";
import { scheduler } from "node:timers/promises";

// node_modules/execa/lib/ipc/reference.js
var addReference = (channel, reference) => {
  if (reference) {
    addReferenceCount(channel);
  }
};
var addReferenceCount = (channel) => {
  channel.refCounted();
};
var removeReference = (channel, reference) => {
  if (reference) {
    removeReferenceCount(channel);
  }
};
var removeReferenceCount = (channel) => {
  channel.unrefCounted();
};
var undoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    removeReferenceCount(channel);
    removeReferenceCount(channel);
  }
};
var redoAddedReferences = (channel, isSubprocess) => {
  if (isSubprocess) {
    addReferenceCount(channel);
    addReferenceCount(channel);
  }
};

// node_modules/execa/lib/ipc/incoming.js
var onMessage = async ({ anyProcess, channel, isSubprocess, ipcEmitter }, wrappedMessage) => {
  if (handleStrictResponse(wrappedMessage) || handleAbort(wrappedMessage)) {
    return;
  }
  if (!INCOMING_MESSAGES.has(anyProcess)) {
    INCOMING_MESSAGES.set(anyProcess, []);
  }
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  incomingMessages.push(wrappedMessage);
  if (incomingMessages.length > 1) {
    return;
  }
  while (incomingMessages.length > 0) {
    await waitForOutgoingMessages(anyProcess, ipcEmitter, wrappedMessage);
    await scheduler.yield();
    const message = await handleStrictRequest({
      wrappedMessage: incomingMessages[0],
      anyProcess,
      channel,
      isSubprocess,
      ipcEmitter
    });
    incomingMessages.shift();
    ipcEmitter.emit("message", message);
    ipcEmitter.emit("message:done");
  }
};
var onDisconnect = async ({ anyProcess, channel, isSubprocess, ipcEmitter, boundOnMessage }) => {
  abortOnDisconnect();
  const incomingMessages = INCOMING_MESSAGES.get(anyProcess);
  while (incomingMessages?.length > 0) {
    await once2(ipcEmitter, "message:done");
  }
  anyProcess.removeListener("message", boundOnMessage);
  redoAddedReferences(channel, isSubprocess);
  ipcEmitter.connected = false;
  ipcEmitter.emit("disconnect");
};
var INCOMING_MESSAGES = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/forward.js
var getIpcEmitter = (anyProcess, channel, isSubprocess) => {
  if (IPC_EMITTERS.has(anyProcess)) {
    return IPC_EMITTERS.get(anyProcess);
  }
  const ipcEmitter = new EventEmitter();
  ipcEmitter.connected = true;
  IPC_EMITTERS.set(anyProcess, ipcEmitter);
  forwardEvents({
    ipcEmitter,
    anyProcess,
    channel,
    isSubprocess
  });
  return ipcEmitter;
};
var IPC_EMITTERS = /* @__PURE__ */ new WeakMap();
var forwardEvents = ({ ipcEmitter, anyProcess, channel, isSubprocess }) => {
  const boundOnMessage = onMessage.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter
  });
  anyProcess.on("message", boundOnMessage);
  anyProcess.once("disconnect", onDisconnect.bind(void 0, {
    anyProcess,
    channel,
    isSubprocess,
    ipcEmitter,
    boundOnMessage
  }));
  undoAddedReferences(channel, isSubprocess);
};
var isConnected = (anyProcess) => {
  const ipcEmitter = IPC_EMITTERS.get(anyProcess);
  return ipcEmitter === void 0 ? anyProcess.channel !== null : ipcEmitter.connected;
};

// node_modules/execa/lib/ipc/strict.js
var handleSendStrict = ({ anyProcess, channel, isSubprocess, message, strict }) => {
  if (!strict) {
    return message;
  }
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const hasListeners = hasMessageListeners(anyProcess, ipcEmitter);
  return {
    id: count++,
    type: REQUEST_TYPE,
    message,
    hasListeners
  };
};
var count = 0n;
var validateStrictDeadlock = (outgoingMessages, wrappedMessage) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || wrappedMessage.hasListeners) {
    return;
  }
  for (const { id } of outgoingMessages) {
    if (id !== void 0) {
      STRICT_RESPONSES[id].resolve({ isDeadlock: true, hasListeners: false });
    }
  }
};
var handleStrictRequest = async ({ wrappedMessage, anyProcess, channel, isSubprocess, ipcEmitter }) => {
  if (wrappedMessage?.type !== REQUEST_TYPE || !anyProcess.connected) {
    return wrappedMessage;
  }
  const { id, message } = wrappedMessage;
  const response = { id, type: RESPONSE_TYPE, message: hasMessageListeners(anyProcess, ipcEmitter) };
  try {
    await sendMessage({
      anyProcess,
      channel,
      isSubprocess,
      ipc: true
    }, response);
  } catch (error) {
    ipcEmitter.emit("strict:error", error);
  }
  return message;
};
var handleStrictResponse = (wrappedMessage) => {
  if (wrappedMessage?.type !== RESPONSE_TYPE) {
    return false;
  }
  const { id, message: hasListeners } = wrappedMessage;
  STRICT_RESPONSES[id]?.resolve({ isDeadlock: false, hasListeners });
  return true;
};
var waitForStrictResponse = async (wrappedMessage, anyProcess, isSubprocess) => {
  if (wrappedMessage?.type !== REQUEST_TYPE) {
    return;
  }
  const deferred = createDeferred();
  STRICT_RESPONSES[wrappedMessage.id] = deferred;
  const controller = new AbortController();
  try {
    const { isDeadlock, hasListeners } = await Promise.race([
      deferred,
      throwOnDisconnect(anyProcess, isSubprocess, controller)
    ]);
    if (isDeadlock) {
      throwOnStrictDeadlockError(isSubprocess);
    }
    if (!hasListeners) {
      throwOnMissingStrict(isSubprocess);
    }
  } finally {
    controller.abort();
    delete STRICT_RESPONSES[wrappedMessage.id];
  }
};
var STRICT_RESPONSES = {};
var throwOnDisconnect = async (anyProcess, isSubprocess, { signal }) => {
  incrementMaxListeners(anyProcess, 1, signal);
  await once3(anyProcess, "disconnect", { signal });
  throwOnStrictDisconnect(isSubprocess);
};
var REQUEST_TYPE = "execa:ipc:request";
var RESPONSE_TYPE = "execa:ipc:response";

// node_modules/execa/lib/ipc/outgoing.js
var startSendMessage = (anyProcess, wrappedMessage, strict) => {
  if (!OUTGOING_MESSAGES.has(anyProcess)) {
    OUTGOING_MESSAGES.set(anyProcess, /* @__PURE__ */ new Set());
  }
  const outgoingMessages = OUTGOING_MESSAGES.get(anyProcess);
  const onMessageSent = createDeferred();
  const id = strict ? wrappedMessage.id : void 0;
  const outgoingMessage = { onMessageSent, id };
  outgoingMessages.add(outgoingMessage);
  return { outgoingMessages, outgoingMessage };
};
var endSendMessage = ({ outgoingMessages, outgoingMessage }) => {
  outgoingMessages.delete(outgoingMessage);
  outgoingMessage.onMessageSent.resolve();
};
var waitForOutgoingMessages = async (anyProcess, ipcEmitter, wrappedMessage) => {
  while (!hasMessageListeners(anyProcess, ipcEmitter) && OUTGOING_MESSAGES.get(anyProcess)?.size > 0) {
    const outgoingMessages = [...OUTGOING_MESSAGES.get(anyProcess)];
    validateStrictDeadlock(outgoingMessages, wrappedMessage);
    await Promise.all(outgoingMessages.map(({ onMessageSent }) => onMessageSent));
  }
};
var OUTGOING_MESSAGES = /* @__PURE__ */ new WeakMap();
var hasMessageListeners = (anyProcess, ipcEmitter) => ipcEmitter.listenerCount("message") > getMinListenerCount(anyProcess);
var getMinListenerCount = (anyProcess) => SUBPROCESS_OPTIONS.has(anyProcess) && !getFdSpecificValue(SUBPROCESS_OPTIONS.get(anyProcess).options.buffer, "ipc") ? 1 : 0;

// node_modules/execa/lib/ipc/send.js
var sendMessage = ({ anyProcess, channel, isSubprocess, ipc }, message, { strict = false } = {}) => {
  const methodName = "sendMessage";
  validateIpcMethod({
    methodName,
    isSubprocess,
    ipc,
    isConnected: anyProcess.connected
  });
  return sendMessageAsync({
    anyProcess,
    channel,
    methodName,
    isSubprocess,
    message,
    strict
  });
};
var sendMessageAsync = async ({ anyProcess, channel, methodName, isSubprocess, message, strict }) => {
  const wrappedMessage = handleSendStrict({
    anyProcess,
    channel,
    isSubprocess,
    message,
    strict
  });
  const outgoingMessagesState = startSendMessage(anyProcess, wrappedMessage, strict);
  try {
    await sendOneMessage({
      anyProcess,
      methodName,
      isSubprocess,
      wrappedMessage,
      message
    });
  } catch (error) {
    disconnect(anyProcess);
    throw error;
  } finally {
    endSendMessage(outgoingMessagesState);
  }
};
var sendOneMessage = async ({ anyProcess, methodName, isSubprocess, wrappedMessage, message }) => {
  const sendMethod = getSendMethod(anyProcess);
  try {
    await Promise.all([
      waitForStrictResponse(wrappedMessage, anyProcess, isSubprocess),
      sendMethod(wrappedMessage)
    ]);
  } catch (error) {
    handleEpipeError({ error, methodName, isSubprocess });
    handleSerializationError({
      error,
      methodName,
      isSubprocess,
      message
    });
    throw error;
  }
};
var getSendMethod = (anyProcess) => {
  if (PROCESS_SEND_METHODS.has(anyProcess)) {
    return PROCESS_SEND_METHODS.get(anyProcess);
  }
  const sendMethod = promisify2(anyProcess.send.bind(anyProcess));
  PROCESS_SEND_METHODS.set(anyProcess, sendMethod);
  return sendMethod;
};
var PROCESS_SEND_METHODS = /* @__PURE__ */ new WeakMap();

// node_modules/execa/lib/ipc/graceful.js
var sendAbort = (subprocess, message) => {
  const methodName = "cancelSignal";
  validateConnection(methodName, false, subprocess.connected);
  return sendOneMessage({
    anyProcess: subprocess,
    methodName,
    isSubprocess: false,
    wrappedMessage: { type: GRACEFUL_CANCEL_TYPE, message },
    message
  });
};
var getCancelSignal = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  await startIpc({
    anyProcess,
    channel,
    isSubprocess,
    ipc
  });
  return cancelController.signal;
};
var startIpc = async ({ anyProcess, channel, isSubprocess, ipc }) => {
  if (cancelListening) {
    return;
  }
  cancelListening = true;
  if (!ipc) {
    throwOnMissingParent();
    return;
  }
  if (channel === null) {
    abortOnDisconnect();
    return;
  }
  getIpcEmitter(anyProcess, channel, isSubprocess);
  await scheduler2.yield();
};
var cancelListening = false;
var handleAbort = (wrappedMessage) => {
  if (wrappedMessage?.type !== GRACEFUL_CANCEL_TYPE) {
    return false;
  }
  cancelController.abort(wrappedMessage.message);
  return true;
};
var GRACEFUL_CANCEL_TYPE = "execa:ipc:cancel";
var abortOnDisconnect = () => {
  cancelController.abort(getAbortDisconnectError());
};
var cancelController = new AbortController();

// node_modules/execa/lib/terminate/graceful.js
var validateGracefulCancel = ({ gracefulCancel, cancelSignal, ipc, serialization }) => {
  if (!gracefulCancel) {
    return;
  }
  if (cancelSignal === void 0) {
    throw new Error("The `cancelSignal` option must be defined when setting the `gracefulCancel` option.");
  }
  if (!ipc) {
    throw new Error("The `ipc` option cannot be false when setting the `gracefulCancel` option.");
  }
  if (serialization === "json") {
    throw new Error("The `serialization` option cannot be 'json' when setting the `gracefulCancel` option.");
  }
};
var throwOnGracefulCancel = ({
  subprocess,
  cancelSignal,
  gracefulCancel,
  forceKillAfterDelay,
  context,
  controller
}) => gracefulCancel ? [sendOnAbort({
  subprocess,
  cancelSignal,
  forceKillAfterDelay,
  context,
  controller
})] : [];
var sendOnAbort = async ({ subprocess, cancelSignal, forceKillAfterDelay, context, controller: { signal } }) => {
  await onAbortedSignal(cancelSignal, signal);
  const reason = getReason(cancelSignal);
  await sendAbort(subprocess, reason);
  killOnTimeout({
    kill: subprocess.kill,
    forceKillAfterDelay,
    context,
    controllerSignal: signal
  });
  context.terminationReason ??= "gracefulCancel";
  throw cancelSignal.reason;
};
var getReason = ({ reason }) => {
  if (!(reason instanceof DOMException)) {
    return reason;
  }
  const error = new Error(reason.message);
  Object.defineProperty(error, "stack", {
    value: reason.stack,
    enumerable: false,
    configurable: true,
    writable: true
  });
  return error;
};

// node_modules/execa/lib/terminate/timeout.js
import { setTimeout as setTimeout3 } from "node:timers/promises";
var validateTimeout = ({ timeout }) => {
  if (timeout !== void 0 && (!Number.isFinite(timeout) || timeout < 0)) {
    throw new TypeError(`Expected the \`timeout\` option to be a non-negative integer, got \`${timeout}\` (${typeof timeout})`);
  }
};
var throwOnTimeout = (subprocess, timeout, context, controller) => timeout === 0 || timeout === void 0 ? [] : [killAfterTimeout(subprocess, timeout, context, controller)];
var killAfterTimeout = async (subprocess, timeout, context, { signal }) => {
  await setTimeout3(timeout, void 0, { signal });
  context.terminationReason ??= "timeout";
  subprocess.kill();
  throw new DiscardedError();
};

// node_modules/execa/lib/methods/node.js
import { execPath, execArgv } from "node:process";
import path3 from "node:path";
var mapNode = ({ options }) => {
  if (options.node === false) {
    throw new TypeError('The "node" option cannot be false with `execaNode()`.');
  }
  return { options: { ...options, node: true } };
};
var handleNodeOption = (file, commandArguments, {
  node: shouldHandleNode = false,
  nodePath = execPath,
  nodeOptions = execArgv.filter((nodeOption) => !nodeOption.startsWith("--inspect")),
  cwd,
  execPath: formerNodePath,
  ...options
}) => {
  if (formerNodePath !== void 0) {
    throw new TypeError('The "execPath" option has been removed. Please use the "nodePath" option instead.');
  }
  const normalizedNodePath = safeNormalizeFileUrl(nodePath, 'The "nodePath" option');
  const resolvedNodePath = path3.resolve(cwd, normalizedNodePath);
  const newOptions = {
    ...options,
    nodePath: resolvedNodePath,
    node: shouldHandleNode,
    cwd
  };
  if (!shouldHandleNode) {
    return [file, commandArguments, newOptions];
  }
  if (path3.basename(file, ".exe") === "node") {
    throw new TypeError('When the "node" option is true, the first argument does not need to be "node".');
  }
  return [
    resolvedNodePath,
    [...nodeOptions, file, ...commandArguments],
    { ipc: true, ...newOptions, shell: false }
  ];
};

// node_modules/execa/lib/ipc/ipc-input.js
import { serialize } from "node:v8";
var validateIpcInputOption = ({ ipcInput, ipc, serialization }) => {
  if (ipcInput === void 0) {
    return;
  }
  if (!ipc) {
    throw new Error("The `ipcInput` option cannot be set unless the `ipc` option is `true`.");
  }
  validateIpcInput[serialization](ipcInput);
};
var validateAdvancedInput = (ipcInput) => {
  try {
    serialize(ipcInput);
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with a structured clone.", { cause: error });
  }
};
var validateJsonInput = (ipcInput) => {
  try {
    JSON.stringify(ipcInput);
  } catch (error) {
    throw new Error("The `ipcInput` option is not serializable with JSON.", { cause: error });
  }
};
var validateIpcInput = {
  advanced: validateAdvancedInput,
  json: validateJsonInput
};
var sendIpcInput = async (subprocess, ipcInput) => {
  if (ipcInput === void 0) {
    return;
  }
  await subprocess.sendMessage(ipcInput);
};

// node_modules/execa/lib/arguments/encoding-option.js
var validateEncoding = ({ encoding }) => {
  if (ENCODINGS.has(encoding)) {
    return;
  }
  const correctEncoding = getCorrectEncoding(encoding);
  if (correctEncoding !== void 0) {
    throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to ${serializeEncoding(correctEncoding)}.`);
  }
  const correctEncodings = [...ENCODINGS].map((correctEncoding2) => serializeEncoding(correctEncoding2)).join(", ");
  throw new TypeError(`Invalid option \`encoding: ${serializeEncoding(encoding)}\`.
Please rename it to one of: ${correctEncodings}.`);
};
var TEXT_ENCODINGS = /* @__PURE__ */ new Set(["utf8", "utf16le"]);
var BINARY_ENCODINGS = /* @__PURE__ */ new Set(["buffer", "hex", "base64", "base64url", "latin1", "ascii"]);
var ENCODINGS = /* @__PURE__ */ new Set([...TEXT_ENCODINGS, ...BINARY_ENCODINGS]);
var getCorrectEncoding = (encoding) => {
  if (encoding === null) {
    return "buffer";
  }
  if (typeof encoding !== "string") {
    return;
  }
  const lowerEncoding = encoding.toLowerCase();
  if (lowerEncoding in ENCODING_ALIASES) {
    return ENCODING_ALIASES[lowerEncoding];
  }
  if (ENCODINGS.has(lowerEncoding)) {
    return lowerEncoding;
  }
};
var ENCODING_ALIASES = {
  // eslint-disable-next-line unicorn/text-encoding-identifier-case
  "utf-8": "utf8",
  "utf-16le": "utf16le",
  "ucs-2": "utf16le",
  ucs2: "utf16le",
  binary: "latin1"
};
var serializeEncoding = (encoding) => typeof encoding === "string" ? `"${encoding}"` : String(encoding);

// node_modules/execa/lib/arguments/cwd.js
import { statSync as statSync7 } from "node:fs";
import path4 from "node:path";
import process5 from "node:process";
var normalizeCwd = (cwd = getDefaultCwd()) => {
  const cwdString = safeNormalizeFileUrl(cwd, 'The "cwd" option');
  return path4.resolve(cwdString);
};
var getDefaultCwd = () => {
  try {
    return process5.cwd();
  } catch (error) {
    error.message = `The current directory does not exist.
${error.message}`;
    throw error;
  }
};
var fixCwdError = (originalMessage, cwd) => {
  if (cwd === getDefaultCwd()) {
    return originalMessage;
  }
  let cwdStat;
  try {
    cwdStat = statSync7(cwd);
  } catch (error) {
    return `The "cwd" option is invalid: ${cwd}.
${error.message}
${originalMessage}`;
  }
  if (!cwdStat.isDirectory()) {
    return `The "cwd" option is not a directory: ${cwd}.
${originalMessage}`;
  }
  return originalMessage;
};

// node_modules/execa/lib/arguments/options.js
var normalizeOptions = (filePath, rawArguments, rawOptions) => {
  rawOptions.cwd = normalizeCwd(rawOptions.cwd);
  const [processedFile, processedArguments, processedOptions] = handleNodeOption(filePath, rawArguments, rawOptions);
  const { command: file, args: commandArguments, options: initialOptions } = import_cross_spawn.default._parse(processedFile, processedArguments, processedOptions);
  const fdOptions = normalizeFdSpecificOptions(initialOptions);
  const options = addDefaultOptions(fdOptions);
  validateTimeout(options);
  validateEncoding(options);
  validateIpcInputOption(options);
  validateCancelSignal(options);
  validateGracefulCancel(options);
  options.shell = normalizeFileUrl(options.shell);
  options.env = getEnv(options);
  options.killSignal = normalizeKillSignal(options.killSignal);
  options.forceKillAfterDelay = normalizeForceKillAfterDelay(options.forceKillAfterDelay);
  options.lines = options.lines.map((lines, fdNumber) => lines && !BINARY_ENCODINGS.has(options.encoding) && options.buffer[fdNumber]);
  if (process6.platform === "win32" && path5.basename(file, ".exe") === "cmd") {
    commandArguments.unshift("/q");
  }
  return { file, commandArguments, options };
};
var addDefaultOptions = ({
  extendEnv = true,
  preferLocal = false,
  cwd,
  localDir: localDirectory = cwd,
  encoding = "utf8",
  reject = true,
  cleanup = true,
  all = false,
  windowsHide = true,
  killSignal = "SIGTERM",
  forceKillAfterDelay = true,
  gracefulCancel = false,
  ipcInput,
  ipc = ipcInput !== void 0 || gracefulCancel,
  serialization = "advanced",
  ...options
}) => ({
  ...options,
  extendEnv,
  preferLocal,
  cwd,
  localDirectory,
  encoding,
  reject,
  cleanup,
  all,
  windowsHide,
  killSignal,
  forceKillAfterDelay,
  gracefulCancel,
  ipcInput,
  ipc,
  serialization
});
var getEnv = ({ env: envOption, extendEnv, preferLocal, node, localDirectory, nodePath }) => {
  const env = extendEnv ? { ...process6.env, ...envOption } : envOption;
  if (preferLocal || node) {
    return npmRunPathEnv({
      env,
      cwd: localDirectory,
      execPath: nodePath,
      preferLocal,
      addExecPath: node
    });
  }
  return env;
};

// node_modules/execa/lib/arguments/shell.js
var concatenateShell = (file, commandArguments, options) => options.shell && commandArguments.length > 0 ? [[file, ...commandArguments].join(" "), [], options] : [file, commandArguments, options];

// node_modules/execa/lib/return/message.js
import { inspect as inspect2 } from "node:util";

// node_modules/strip-final-newline/index.js
function stripFinalNewline(input) {
  if (typeof input === "string") {
    return stripFinalNewlineString(input);
  }
  if (!(ArrayBuffer.isView(input) && input.BYTES_PER_ELEMENT === 1)) {
    throw new Error("Input must be a string or a Uint8Array");
  }
  return stripFinalNewlineBinary(input);
}
var stripFinalNewlineString = (input) => input.at(-1) === LF ? input.slice(0, input.at(-2) === CR ? -2 : -1) : input;
var stripFinalNewlineBinary = (input) => input.at(-1) === LF_BINARY ? input.subarray(0, input.at(-2) === CR_BINARY ? -2 : -1) : input;
var LF = "\n";
var LF_BINARY = LF.codePointAt(0);
var CR = "\r";
var CR_BINARY = CR.codePointAt(0);

// node_modules/get-stream/source/index.js
import { on } from "node:events";
import { finished } from "node:stream/promises";

// node_modules/get-stream/node_modules/is-stream/index.js
function isStream(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isReadableStream(stream, { checkOpen = true } = {}) {
  return isStream(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}

// node_modules/@sec-ant/readable-stream/dist/ponyfill/asyncIterator.js
var a = Object.getPrototypeOf(
  Object.getPrototypeOf(
    /* istanbul ignore next */
    async function* () {
    }
  ).prototype
);
var c = class {
  #t;
  #n;
  #r = false;
  #e = void 0;
  constructor(e, t) {
    this.#t = e, this.#n = t;
  }
  next() {
    const e = () => this.#s();
    return this.#e = this.#e ? this.#e.then(e, e) : e(), this.#e;
  }
  return(e) {
    const t = () => this.#i(e);
    return this.#e ? this.#e.then(t, t) : t();
  }
  async #s() {
    if (this.#r)
      return {
        done: true,
        value: void 0
      };
    let e;
    try {
      e = await this.#t.read();
    } catch (t) {
      throw this.#e = void 0, this.#r = true, this.#t.releaseLock(), t;
    }
    return e.done && (this.#e = void 0, this.#r = true, this.#t.releaseLock()), e;
  }
  async #i(e) {
    if (this.#r)
      return {
        done: true,
        value: e
      };
    if (this.#r = true, !this.#n) {
      const t = this.#t.cancel(e);
      return this.#t.releaseLock(), await t, {
        done: true,
        value: e
      };
    }
    return this.#t.releaseLock(), {
      done: true,
      value: e
    };
  }
};
var n = /* @__PURE__ */ Symbol();
function i() {
  return this[n].next();
}
Object.defineProperty(i, "name", { value: "next" });
function o(r) {
  return this[n].return(r);
}
Object.defineProperty(o, "name", { value: "return" });
var u = Object.create(a, {
  next: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: i
  },
  return: {
    enumerable: true,
    configurable: true,
    writable: true,
    value: o
  }
});
function h({ preventCancel: r = false } = {}) {
  const e = this.getReader(), t = new c(
    e,
    r
  ), s = Object.create(u);
  return s[n] = t, s;
}

// node_modules/get-stream/source/stream.js
var getAsyncIterable = (stream) => {
  if (isReadableStream(stream, { checkOpen: false }) && nodeImports.on !== void 0) {
    return getStreamIterable(stream);
  }
  if (typeof stream?.[Symbol.asyncIterator] === "function") {
    return stream;
  }
  if (toString.call(stream) === "[object ReadableStream]") {
    return h.call(stream);
  }
  throw new TypeError("The first argument must be a Readable, a ReadableStream, or an async iterable.");
};
var { toString } = Object.prototype;
var getStreamIterable = async function* (stream) {
  const controller = new AbortController();
  const state = {};
  handleStreamEnd(stream, controller, state);
  try {
    for await (const [chunk] of nodeImports.on(stream, "data", { signal: controller.signal })) {
      yield chunk;
    }
  } catch (error) {
    if (state.error !== void 0) {
      throw state.error;
    } else if (!controller.signal.aborted) {
      throw error;
    }
  } finally {
    stream.destroy();
  }
};
var handleStreamEnd = async (stream, controller, state) => {
  try {
    await nodeImports.finished(stream, {
      cleanup: true,
      readable: true,
      writable: false,
      error: false
    });
  } catch (error) {
    state.error = error;
  } finally {
    controller.abort();
  }
};
var nodeImports = {};

// node_modules/get-stream/source/contents.js
var getStreamContents = async (stream, { init, convertChunk, getSize, truncateChunk, addChunk, getFinalChunk, finalize }, { maxBuffer = Number.POSITIVE_INFINITY } = {}) => {
  const asyncIterable = getAsyncIterable(stream);
  const state = init();
  state.length = 0;
  try {
    for await (const chunk of asyncIterable) {
      const chunkType = getChunkType(chunk);
      const convertedChunk = convertChunk[chunkType](chunk, state);
      appendChunk({
        convertedChunk,
        state,
        getSize,
        truncateChunk,
        addChunk,
        maxBuffer
      });
    }
    appendFinalChunk({
      state,
      convertChunk,
      getSize,
      truncateChunk,
      addChunk,
      getFinalChunk,
      maxBuffer
    });
    return finalize(state);
  } catch (error) {
    const normalizedError = typeof error === "object" && error !== null ? error : new Error(error);
    normalizedError.bufferedData = finalize(state);
    throw normalizedError;
  }
};
var appendFinalChunk = ({ state, getSize, truncateChunk, addChunk, getFinalChunk, maxBuffer }) => {
  const convertedChunk = getFinalChunk(state);
  if (convertedChunk !== void 0) {
    appendChunk({
      convertedChunk,
      state,
      getSize,
      truncateChunk,
      addChunk,
      maxBuffer
    });
  }
};
var appendChunk = ({ convertedChunk, state, getSize, truncateChunk, addChunk, maxBuffer }) => {
  const chunkSize = getSize(convertedChunk);
  const newLength = state.length + chunkSize;
  if (newLength <= maxBuffer) {
    addNewChunk(convertedChunk, state, addChunk, newLength);
    return;
  }
  const truncatedChunk = truncateChunk(convertedChunk, maxBuffer - state.length);
  if (truncatedChunk !== void 0) {
    addNewChunk(truncatedChunk, state, addChunk, maxBuffer);
  }
  throw new MaxBufferError();
};
var addNewChunk = (convertedChunk, state, addChunk, newLength) => {
  state.contents = addChunk(convertedChunk, state, newLength);
  state.length = newLength;
};
var getChunkType = (chunk) => {
  const typeOfChunk = typeof chunk;
  if (typeOfChunk === "string") {
    return "string";
  }
  if (typeOfChunk !== "object" || chunk === null) {
    return "others";
  }
  if (globalThis.Buffer?.isBuffer(chunk)) {
    return "buffer";
  }
  const prototypeName = objectToString2.call(chunk);
  if (prototypeName === "[object ArrayBuffer]") {
    return "arrayBuffer";
  }
  if (prototypeName === "[object DataView]") {
    return "dataView";
  }
  if (Number.isInteger(chunk.byteLength) && Number.isInteger(chunk.byteOffset) && objectToString2.call(chunk.buffer) === "[object ArrayBuffer]") {
    return "typedArray";
  }
  return "others";
};
var { toString: objectToString2 } = Object.prototype;
var MaxBufferError = class extends Error {
  name = "MaxBufferError";
  constructor() {
    super("maxBuffer exceeded");
  }
};

// node_modules/get-stream/source/utils.js
var identity2 = (value) => value;
var noop = () => void 0;
var getContentsProperty = ({ contents }) => contents;
var throwObjectStream = (chunk) => {
  throw new Error(`Streams in object mode are not supported: ${String(chunk)}`);
};
var getLengthProperty = (convertedChunk) => convertedChunk.length;

// node_modules/get-stream/source/array.js
async function getStreamAsArray(stream, options) {
  return getStreamContents(stream, arrayMethods, options);
}
var initArray = () => ({ contents: [] });
var increment = () => 1;
var addArrayChunk = (convertedChunk, { contents }) => {
  contents.push(convertedChunk);
  return contents;
};
var arrayMethods = {
  init: initArray,
  convertChunk: {
    string: identity2,
    buffer: identity2,
    arrayBuffer: identity2,
    dataView: identity2,
    typedArray: identity2,
    others: identity2
  },
  getSize: increment,
  truncateChunk: noop,
  addChunk: addArrayChunk,
  getFinalChunk: noop,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/array-buffer.js
async function getStreamAsArrayBuffer(stream, options) {
  return getStreamContents(stream, arrayBufferMethods, options);
}
var initArrayBuffer = () => ({ contents: new ArrayBuffer(0) });
var useTextEncoder = (chunk) => textEncoder2.encode(chunk);
var textEncoder2 = new TextEncoder();
var useUint8Array = (chunk) => new Uint8Array(chunk);
var useUint8ArrayWithOffset = (chunk) => new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
var truncateArrayBufferChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var addArrayBufferChunk = (convertedChunk, { contents, length: previousLength }, length) => {
  const newContents = hasArrayBufferResize() ? resizeArrayBuffer(contents, length) : resizeArrayBufferSlow(contents, length);
  new Uint8Array(newContents).set(convertedChunk, previousLength);
  return newContents;
};
var resizeArrayBufferSlow = (contents, length) => {
  if (length <= contents.byteLength) {
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(getNewContentsLength(length));
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var resizeArrayBuffer = (contents, length) => {
  if (length <= contents.maxByteLength) {
    contents.resize(length);
    return contents;
  }
  const arrayBuffer = new ArrayBuffer(length, { maxByteLength: getNewContentsLength(length) });
  new Uint8Array(arrayBuffer).set(new Uint8Array(contents), 0);
  return arrayBuffer;
};
var getNewContentsLength = (length) => SCALE_FACTOR ** Math.ceil(Math.log(length) / Math.log(SCALE_FACTOR));
var SCALE_FACTOR = 2;
var finalizeArrayBuffer = ({ contents, length }) => hasArrayBufferResize() ? contents : contents.slice(0, length);
var hasArrayBufferResize = () => "resize" in ArrayBuffer.prototype;
var arrayBufferMethods = {
  init: initArrayBuffer,
  convertChunk: {
    string: useTextEncoder,
    buffer: useUint8Array,
    arrayBuffer: useUint8Array,
    dataView: useUint8ArrayWithOffset,
    typedArray: useUint8ArrayWithOffset,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateArrayBufferChunk,
  addChunk: addArrayBufferChunk,
  getFinalChunk: noop,
  finalize: finalizeArrayBuffer
};

// node_modules/get-stream/source/string.js
async function getStreamAsString(stream, options) {
  return getStreamContents(stream, stringMethods, options);
}
var initString = () => ({ contents: "", textDecoder: new TextDecoder() });
var useTextDecoder = (chunk, { textDecoder: textDecoder2 }) => textDecoder2.decode(chunk, { stream: true });
var addStringChunk = (convertedChunk, { contents }) => contents + convertedChunk;
var truncateStringChunk = (convertedChunk, chunkSize) => convertedChunk.slice(0, chunkSize);
var getFinalStringChunk = ({ textDecoder: textDecoder2 }) => {
  const finalChunk = textDecoder2.decode();
  return finalChunk === "" ? void 0 : finalChunk;
};
var stringMethods = {
  init: initString,
  convertChunk: {
    string: identity2,
    buffer: useTextDecoder,
    arrayBuffer: useTextDecoder,
    dataView: useTextDecoder,
    typedArray: useTextDecoder,
    others: throwObjectStream
  },
  getSize: getLengthProperty,
  truncateChunk: truncateStringChunk,
  addChunk: addStringChunk,
  getFinalChunk: getFinalStringChunk,
  finalize: getContentsProperty
};

// node_modules/get-stream/source/index.js
Object.assign(nodeImports, { on, finished });

// node_modules/execa/lib/io/max-buffer.js
var handleMaxBuffer = ({ error, stream, readableObjectMode, lines, encoding, fdNumber }) => {
  if (!(error instanceof MaxBufferError)) {
    throw error;
  }
  if (fdNumber === "all") {
    return error;
  }
  const unit = getMaxBufferUnit(readableObjectMode, lines, encoding);
  error.maxBufferInfo = { fdNumber, unit };
  stream.destroy();
  throw error;
};
var getMaxBufferUnit = (readableObjectMode, lines, encoding) => {
  if (readableObjectMode) {
    return "objects";
  }
  if (lines) {
    return "lines";
  }
  if (encoding === "buffer") {
    return "bytes";
  }
  return "characters";
};
var checkIpcMaxBuffer = (subprocess, ipcOutput, maxBuffer) => {
  if (ipcOutput.length !== maxBuffer) {
    return;
  }
  const error = new MaxBufferError();
  error.maxBufferInfo = { fdNumber: "ipc" };
  throw error;
};
var getMaxBufferMessage = (error, maxBuffer) => {
  const { streamName, threshold, unit } = getMaxBufferInfo(error, maxBuffer);
  return `Command's ${streamName} was larger than ${threshold} ${unit}`;
};
var getMaxBufferInfo = (error, maxBuffer) => {
  if (error?.maxBufferInfo === void 0) {
    return { streamName: "output", threshold: maxBuffer[1], unit: "bytes" };
  }
  const { maxBufferInfo: { fdNumber, unit } } = error;
  delete error.maxBufferInfo;
  const threshold = getFdSpecificValue(maxBuffer, fdNumber);
  if (fdNumber === "ipc") {
    return { streamName: "IPC output", threshold, unit: "messages" };
  }
  return { streamName: getStreamName(fdNumber), threshold, unit };
};
var isMaxBufferSync = (resultError, output, maxBuffer) => resultError?.code === "ENOBUFS" && output !== null && output.some((result) => result !== null && result.length > getMaxBufferSync(maxBuffer));
var truncateMaxBufferSync = (result, isMaxBuffer, maxBuffer) => {
  if (!isMaxBuffer) {
    return result;
  }
  const maxBufferValue = getMaxBufferSync(maxBuffer);
  return result.length > maxBufferValue ? result.slice(0, maxBufferValue) : result;
};
var getMaxBufferSync = ([, stdoutMaxBuffer]) => stdoutMaxBuffer;

// node_modules/execa/lib/return/message.js
var createMessages = ({
  stdio,
  all,
  ipcOutput,
  originalError,
  signal,
  signalDescription,
  exitCode,
  escapedCommand,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal,
  maxBuffer,
  timeout,
  cwd
}) => {
  const errorCode = originalError?.code;
  const prefix = getErrorPrefix({
    originalError,
    timedOut,
    timeout,
    isMaxBuffer,
    maxBuffer,
    errorCode,
    signal,
    signalDescription,
    exitCode,
    isCanceled,
    isGracefullyCanceled,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal
  });
  const originalMessage = getOriginalMessage(originalError, cwd);
  const suffix = originalMessage === void 0 ? "" : `
${originalMessage}`;
  const shortMessage = `${prefix}: ${escapedCommand}${suffix}`;
  const messageStdio = all === void 0 ? [stdio[2], stdio[1]] : [all];
  const message = [
    shortMessage,
    ...messageStdio,
    ...stdio.slice(3),
    ipcOutput.map((ipcMessage) => serializeIpcMessage(ipcMessage)).join("\n")
  ].map((messagePart) => escapeLines(stripFinalNewline(serializeMessagePart(messagePart)))).filter(Boolean).join("\n\n");
  return { originalMessage, shortMessage, message };
};
var getErrorPrefix = ({
  originalError,
  timedOut,
  timeout,
  isMaxBuffer,
  maxBuffer,
  errorCode,
  signal,
  signalDescription,
  exitCode,
  isCanceled,
  isGracefullyCanceled,
  isForcefullyTerminated,
  forceKillAfterDelay,
  killSignal
}) => {
  const forcefulSuffix = getForcefulSuffix(isForcefullyTerminated, forceKillAfterDelay);
  if (timedOut) {
    return `Command timed out after ${timeout} milliseconds${forcefulSuffix}`;
  }
  if (isGracefullyCanceled) {
    if (signal === void 0) {
      return `Command was gracefully canceled with exit code ${exitCode}`;
    }
    return isForcefullyTerminated ? `Command was gracefully canceled${forcefulSuffix}` : `Command was gracefully canceled with ${signal} (${signalDescription})`;
  }
  if (isCanceled) {
    return `Command was canceled${forcefulSuffix}`;
  }
  if (isMaxBuffer) {
    return `${getMaxBufferMessage(originalError, maxBuffer)}${forcefulSuffix}`;
  }
  if (errorCode !== void 0) {
    return `Command failed with ${errorCode}${forcefulSuffix}`;
  }
  if (isForcefullyTerminated) {
    return `Command was killed with ${killSignal} (${getSignalDescription(killSignal)})${forcefulSuffix}`;
  }
  if (signal !== void 0) {
    return `Command was killed with ${signal} (${signalDescription})`;
  }
  if (exitCode !== void 0) {
    return `Command failed with exit code ${exitCode}`;
  }
  return "Command failed";
};
var getForcefulSuffix = (isForcefullyTerminated, forceKillAfterDelay) => isForcefullyTerminated ? ` and was forcefully terminated after ${forceKillAfterDelay} milliseconds` : "";
var getOriginalMessage = (originalError, cwd) => {
  if (originalError instanceof DiscardedError) {
    return;
  }
  const originalMessage = isExecaError(originalError) ? originalError.originalMessage : String(originalError?.message ?? originalError);
  const escapedOriginalMessage = escapeLines(fixCwdError(originalMessage, cwd));
  return escapedOriginalMessage === "" ? void 0 : escapedOriginalMessage;
};
var serializeIpcMessage = (ipcMessage) => typeof ipcMessage === "string" ? ipcMessage : inspect2(ipcMessage);
var serializeMessagePart = (messagePart) => Array.isArray(messagePart) ? messagePart.map((messageItem) => stripFinalNewline(serializeMessageItem(messageItem))).filter(Boolean).join("\n") : serializeMessageItem(messagePart);
var serializeMessageItem = (messageItem) => {
  if (typeof messageItem === "string") {
    return messageItem;
  }
  if (isUint8Array(messageItem)) {
    return uint8ArrayToString(messageItem);
  }
  return "";
};

// node_modules/execa/lib/return/result.js
var makeSuccessResult = ({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options: { cwd },
  startTime
}) => omitUndefinedProperties({
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: false,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isTerminated: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  exitCode: 0,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var makeEarlyError = ({
  error,
  command,
  escapedCommand,
  fileDescriptors,
  options,
  startTime,
  isSync
}) => makeError({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut: false,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer: false,
  isForcefullyTerminated: false,
  stdio: Array.from({ length: fileDescriptors.length }),
  ipcOutput: [],
  options,
  isSync
});
var makeError = ({
  error: originalError,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode: rawExitCode,
  signal: rawSignal,
  stdio,
  all,
  ipcOutput,
  options: {
    timeoutDuration,
    timeout = timeoutDuration,
    forceKillAfterDelay,
    killSignal,
    cwd,
    maxBuffer
  },
  isSync
}) => {
  const { exitCode, signal, signalDescription } = normalizeExitPayload(rawExitCode, rawSignal);
  const { originalMessage, shortMessage, message } = createMessages({
    stdio,
    all,
    ipcOutput,
    originalError,
    signal,
    signalDescription,
    exitCode,
    escapedCommand,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    forceKillAfterDelay,
    killSignal,
    maxBuffer,
    timeout,
    cwd
  });
  const error = getFinalError(originalError, message, isSync);
  Object.assign(error, getErrorProperties({
    error,
    command,
    escapedCommand,
    startTime,
    timedOut,
    isCanceled,
    isGracefullyCanceled,
    isMaxBuffer,
    isForcefullyTerminated,
    exitCode,
    signal,
    signalDescription,
    stdio,
    all,
    ipcOutput,
    cwd,
    originalMessage,
    shortMessage
  }));
  return error;
};
var getErrorProperties = ({
  error,
  command,
  escapedCommand,
  startTime,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  stdio,
  all,
  ipcOutput,
  cwd,
  originalMessage,
  shortMessage
}) => omitUndefinedProperties({
  shortMessage,
  originalMessage,
  command,
  escapedCommand,
  cwd,
  durationMs: getDurationMs(startTime),
  failed: true,
  timedOut,
  isCanceled,
  isGracefullyCanceled,
  isTerminated: signal !== void 0,
  isMaxBuffer,
  isForcefullyTerminated,
  exitCode,
  signal,
  signalDescription,
  code: error.cause?.code,
  stdout: stdio[1],
  stderr: stdio[2],
  all,
  stdio,
  ipcOutput,
  pipedFrom: []
});
var omitUndefinedProperties = (result) => Object.fromEntries(Object.entries(result).filter(([, value]) => value !== void 0));
var normalizeExitPayload = (rawExitCode, rawSignal) => {
  const exitCode = rawExitCode === null ? void 0 : rawExitCode;
  const signal = rawSignal === null ? void 0 : rawSignal;
  const signalDescription = signal === void 0 ? void 0 : getSignalDescription(rawSignal);
  return { exitCode, signal, signalDescription };
};

// node_modules/parse-ms/index.js
var toZeroIfInfinity = (value) => Number.isFinite(value) ? value : 0;
function parseNumber2(milliseconds) {
  return {
    days: Math.trunc(milliseconds / 864e5),
    hours: Math.trunc(milliseconds / 36e5 % 24),
    minutes: Math.trunc(milliseconds / 6e4 % 60),
    seconds: Math.trunc(milliseconds / 1e3 % 60),
    milliseconds: Math.trunc(milliseconds % 1e3),
    microseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e3) % 1e3),
    nanoseconds: Math.trunc(toZeroIfInfinity(milliseconds * 1e6) % 1e3)
  };
}
function parseBigint(milliseconds) {
  return {
    days: milliseconds / 86400000n,
    hours: milliseconds / 3600000n % 24n,
    minutes: milliseconds / 60000n % 60n,
    seconds: milliseconds / 1000n % 60n,
    milliseconds: milliseconds % 1000n,
    microseconds: 0n,
    nanoseconds: 0n
  };
}
function parseMilliseconds(milliseconds) {
  switch (typeof milliseconds) {
    case "number": {
      if (Number.isFinite(milliseconds)) {
        return parseNumber2(milliseconds);
      }
      break;
    }
    case "bigint": {
      return parseBigint(milliseconds);
    }
  }
  throw new TypeError("Expected a finite number or bigint");
}

// node_modules/pretty-ms/index.js
var isZero = (value) => value === 0 || value === 0n;
var pluralize = (word, count2) => count2 === 1 || count2 === 1n ? word : `${word}s`;
var SECOND_ROUNDING_EPSILON = 1e-7;
var ONE_DAY_IN_MILLISECONDS = 24n * 60n * 60n * 1000n;
function prettyMilliseconds(milliseconds, options) {
  const isBigInt = typeof milliseconds === "bigint";
  if (!isBigInt && !Number.isFinite(milliseconds)) {
    throw new TypeError("Expected a finite number or bigint");
  }
  options = { ...options };
  const sign = milliseconds < 0 ? "-" : "";
  milliseconds = milliseconds < 0 ? -milliseconds : milliseconds;
  if (options.colonNotation) {
    options.compact = false;
    options.formatSubMilliseconds = false;
    options.separateMilliseconds = false;
    options.verbose = false;
  }
  if (options.compact) {
    options.unitCount = 1;
    options.secondsDecimalDigits = 0;
    options.millisecondsDecimalDigits = 0;
  }
  let result = [];
  const floorDecimals = (value, decimalDigits) => {
    const flooredInterimValue = Math.floor(value * 10 ** decimalDigits + SECOND_ROUNDING_EPSILON);
    const flooredValue = Math.round(flooredInterimValue) / 10 ** decimalDigits;
    return flooredValue.toFixed(decimalDigits);
  };
  const add = (value, long, short, valueString) => {
    if ((result.length === 0 || !options.colonNotation) && isZero(value) && !(options.colonNotation && short === "m")) {
      return;
    }
    valueString ??= String(value);
    if (options.colonNotation) {
      const wholeDigits = valueString.includes(".") ? valueString.split(".")[0].length : valueString.length;
      const minLength = result.length > 0 ? 2 : 1;
      valueString = "0".repeat(Math.max(0, minLength - wholeDigits)) + valueString;
    } else {
      valueString += options.verbose ? " " + pluralize(long, value) : short;
    }
    result.push(valueString);
  };
  const parsed = parseMilliseconds(milliseconds);
  const days = BigInt(parsed.days);
  if (options.hideYearAndDays) {
    add(BigInt(days) * 24n + BigInt(parsed.hours), "hour", "h");
  } else {
    if (options.hideYear) {
      add(days, "day", "d");
    } else {
      add(days / 365n, "year", "y");
      add(days % 365n, "day", "d");
    }
    add(Number(parsed.hours), "hour", "h");
  }
  add(Number(parsed.minutes), "minute", "m");
  if (!options.hideSeconds) {
    if (options.separateMilliseconds || options.formatSubMilliseconds || !options.colonNotation && milliseconds < 1e3 && !options.subSecondsAsDecimals) {
      const seconds5 = Number(parsed.seconds);
      const milliseconds2 = Number(parsed.milliseconds);
      const microseconds = Number(parsed.microseconds);
      const nanoseconds = Number(parsed.nanoseconds);
      add(seconds5, "second", "s");
      if (options.formatSubMilliseconds) {
        add(milliseconds2, "millisecond", "ms");
        add(microseconds, "microsecond", "\xB5s");
        add(nanoseconds, "nanosecond", "ns");
      } else {
        const millisecondsAndBelow = milliseconds2 + microseconds / 1e3 + nanoseconds / 1e6;
        const millisecondsDecimalDigits = typeof options.millisecondsDecimalDigits === "number" ? options.millisecondsDecimalDigits : 0;
        const roundedMilliseconds = millisecondsAndBelow >= 1 ? Math.round(millisecondsAndBelow) : Math.ceil(millisecondsAndBelow);
        const maximumMilliseconds = 1e3 - 10 ** -millisecondsDecimalDigits;
        const millisecondsString = millisecondsDecimalDigits ? Math.min(millisecondsAndBelow, maximumMilliseconds).toFixed(millisecondsDecimalDigits) : Math.min(roundedMilliseconds, maximumMilliseconds);
        add(
          Number.parseFloat(millisecondsString),
          "millisecond",
          "ms",
          millisecondsString
        );
      }
    } else {
      const seconds5 = (isBigInt ? Number(milliseconds % ONE_DAY_IN_MILLISECONDS) : milliseconds) / 1e3 % 60;
      const secondsDecimalDigits = typeof options.secondsDecimalDigits === "number" ? options.secondsDecimalDigits : 1;
      const secondsFixed = floorDecimals(seconds5, secondsDecimalDigits);
      const secondsString = options.keepDecimalsOnWholeSeconds ? secondsFixed : secondsFixed.replace(/\.0+$/, "");
      add(Number.parseFloat(secondsString), "second", "s", secondsString);
    }
  }
  if (result.length === 0) {
    return sign + "0" + (options.verbose ? " milliseconds" : "ms");
  }
  const separator = options.colonNotation ? ":" : " ";
  if (typeof options.unitCount === "number") {
    result = result.slice(0, Math.max(options.unitCount, 1));
  }
  return sign + result.join(separator);
}

// node_modules/execa/lib/verbose/error.js
var logError = (result, verboseInfo) => {
  if (result.failed) {
    verboseLog({
      type: "error",
      verboseMessage: result.shortMessage,
      verboseInfo,
      result
    });
  }
};

// node_modules/execa/lib/verbose/complete.js
var logResult = (result, verboseInfo) => {
  if (!isVerbose(verboseInfo)) {
    return;
  }
  logError(result, verboseInfo);
  logDuration(result, verboseInfo);
};
var logDuration = (result, verboseInfo) => {
  const verboseMessage = `(done in ${prettyMilliseconds(result.durationMs)})`;
  verboseLog({
    type: "duration",
    verboseMessage,
    verboseInfo,
    result
  });
};

// node_modules/execa/lib/return/reject.js
var handleResult = (result, verboseInfo, { reject }) => {
  logResult(result, verboseInfo);
  if (result.failed && reject) {
    throw result;
  }
  return result;
};

// node_modules/execa/lib/stdio/handle-sync.js
import { readFileSync as readFileSync6 } from "node:fs";

// node_modules/execa/node_modules/is-stream/index.js
function isStream2(stream, { checkOpen = true } = {}) {
  return stream !== null && typeof stream === "object" && (stream.writable || stream.readable || !checkOpen || stream.writable === void 0 && stream.readable === void 0) && typeof stream.pipe === "function";
}
function isWritableStream(stream, { checkOpen = true } = {}) {
  return isStream2(stream, { checkOpen }) && (stream.writable || !checkOpen) && typeof stream.write === "function" && typeof stream.end === "function" && typeof stream.writable === "boolean" && typeof stream.writableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isReadableStream2(stream, { checkOpen = true } = {}) {
  return isStream2(stream, { checkOpen }) && (stream.readable || !checkOpen) && typeof stream.read === "function" && typeof stream.readable === "boolean" && typeof stream.readableObjectMode === "boolean" && typeof stream.destroy === "function" && typeof stream.destroyed === "boolean";
}
function isDuplexStream(stream, options) {
  return isWritableStream(stream, options) && isReadableStream2(stream, options);
}

// node_modules/execa/lib/stdio/type.js
var getStdioItemType = (value, optionName) => {
  if (isAsyncGenerator(value)) {
    return "asyncGenerator";
  }
  if (isSyncGenerator(value)) {
    return "generator";
  }
  if (isUrl(value)) {
    return "fileUrl";
  }
  if (isFilePathObject(value)) {
    return "filePath";
  }
  if (isWebStream(value)) {
    return "webStream";
  }
  if (isStream2(value, { checkOpen: false })) {
    return "native";
  }
  if (isUint8Array(value)) {
    return "uint8Array";
  }
  if (isAsyncIterableObject(value)) {
    return "asyncIterable";
  }
  if (isIterableObject(value)) {
    return "iterable";
  }
  if (isTransformStream(value)) {
    return getTransformStreamType({ transform: value }, optionName);
  }
  if (isTransformOptions(value)) {
    return getTransformObjectType(value, optionName);
  }
  return "native";
};
var getTransformObjectType = (value, optionName) => {
  if (isDuplexStream(value.transform, { checkOpen: false })) {
    return getDuplexType(value, optionName);
  }
  if (isTransformStream(value.transform)) {
    return getTransformStreamType(value, optionName);
  }
  return getGeneratorObjectType(value, optionName);
};
var getDuplexType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "Duplex stream");
  return "duplex";
};
var getTransformStreamType = (value, optionName) => {
  validateNonGeneratorType(value, optionName, "web TransformStream");
  return "webTransform";
};
var validateNonGeneratorType = ({ final, binary, objectMode }, optionName, typeName) => {
  checkUndefinedOption(final, `${optionName}.final`, typeName);
  checkUndefinedOption(binary, `${optionName}.binary`, typeName);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
};
var checkUndefinedOption = (value, optionName, typeName) => {
  if (value !== void 0) {
    throw new TypeError(`The \`${optionName}\` option can only be defined when using a generator, not a ${typeName}.`);
  }
};
var getGeneratorObjectType = ({ transform, final, binary, objectMode }, optionName) => {
  if (transform !== void 0 && !isGenerator(transform)) {
    throw new TypeError(`The \`${optionName}.transform\` option must be a generator, a Duplex stream or a web TransformStream.`);
  }
  if (isDuplexStream(final, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a Duplex stream.`);
  }
  if (isTransformStream(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must not be a web TransformStream.`);
  }
  if (final !== void 0 && !isGenerator(final)) {
    throw new TypeError(`The \`${optionName}.final\` option must be a generator.`);
  }
  checkBooleanOption(binary, `${optionName}.binary`);
  checkBooleanOption(objectMode, `${optionName}.objectMode`);
  return isAsyncGenerator(transform) || isAsyncGenerator(final) ? "asyncGenerator" : "generator";
};
var checkBooleanOption = (value, optionName) => {
  if (value !== void 0 && typeof value !== "boolean") {
    throw new TypeError(`The \`${optionName}\` option must use a boolean.`);
  }
};
var isGenerator = (value) => isAsyncGenerator(value) || isSyncGenerator(value);
var isAsyncGenerator = (value) => Object.prototype.toString.call(value) === "[object AsyncGeneratorFunction]";
var isSyncGenerator = (value) => Object.prototype.toString.call(value) === "[object GeneratorFunction]";
var isTransformOptions = (value) => isPlainObject(value) && (value.transform !== void 0 || value.final !== void 0);
var isUrl = (value) => Object.prototype.toString.call(value) === "[object URL]";
var isRegularUrl = (value) => isUrl(value) && value.protocol !== "file:";
var isFilePathObject = (value) => isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => FILE_PATH_KEYS.has(key)) && isFilePathString(value.file);
var FILE_PATH_KEYS = /* @__PURE__ */ new Set(["file", "append"]);
var isFilePathString = (file) => typeof file === "string";
var isUnknownStdioString = (type, value) => type === "native" && typeof value === "string" && !KNOWN_STDIO_STRINGS.has(value);
var KNOWN_STDIO_STRINGS = /* @__PURE__ */ new Set(["ipc", "ignore", "inherit", "overlapped", "pipe"]);
var isReadableStream3 = (value) => Object.prototype.toString.call(value) === "[object ReadableStream]";
var isWritableStream2 = (value) => Object.prototype.toString.call(value) === "[object WritableStream]";
var isWebStream = (value) => isReadableStream3(value) || isWritableStream2(value);
var isTransformStream = (value) => isReadableStream3(value?.readable) && isWritableStream2(value?.writable);
var isAsyncIterableObject = (value) => isObject(value) && typeof value[Symbol.asyncIterator] === "function";
var isIterableObject = (value) => isObject(value) && typeof value[Symbol.iterator] === "function";
var isObject = (value) => typeof value === "object" && value !== null;
var TRANSFORM_TYPES = /* @__PURE__ */ new Set(["generator", "asyncGenerator", "duplex", "webTransform"]);
var FILE_TYPES = /* @__PURE__ */ new Set(["fileUrl", "filePath", "fileNumber"]);
var SPECIAL_DUPLICATE_TYPES_SYNC = /* @__PURE__ */ new Set(["fileUrl", "filePath"]);
var SPECIAL_DUPLICATE_TYPES = /* @__PURE__ */ new Set([...SPECIAL_DUPLICATE_TYPES_SYNC, "webStream", "nodeStream"]);
var FORBID_DUPLICATE_TYPES = /* @__PURE__ */ new Set(["webTransform", "duplex"]);
var TYPE_TO_MESSAGE = {
  generator: "a generator",
  asyncGenerator: "an async generator",
  fileUrl: "a file URL",
  filePath: "a file path string",
  fileNumber: "a file descriptor number",
  webStream: "a web stream",
  nodeStream: "a Node.js stream",
  webTransform: "a web TransformStream",
  duplex: "a Duplex stream",
  native: "any value",
  iterable: "an iterable",
  asyncIterable: "an async iterable",
  string: "a string",
  uint8Array: "a Uint8Array"
};

// node_modules/execa/lib/transform/object-mode.js
var getTransformObjectModes = (objectMode, index, newTransforms, direction) => direction === "output" ? getOutputObjectModes(objectMode, index, newTransforms) : getInputObjectModes(objectMode, index, newTransforms);
var getOutputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index !== 0 && newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = objectMode ?? writableObjectMode;
  return { writableObjectMode, readableObjectMode };
};
var getInputObjectModes = (objectMode, index, newTransforms) => {
  const writableObjectMode = index === 0 ? objectMode === true : newTransforms[index - 1].value.readableObjectMode;
  const readableObjectMode = index !== newTransforms.length - 1 && (objectMode ?? writableObjectMode);
  return { writableObjectMode, readableObjectMode };
};
var getFdObjectMode = (stdioItems, direction) => {
  const lastTransform = stdioItems.findLast(({ type }) => TRANSFORM_TYPES.has(type));
  if (lastTransform === void 0) {
    return false;
  }
  return direction === "input" ? lastTransform.value.writableObjectMode : lastTransform.value.readableObjectMode;
};

// node_modules/execa/lib/transform/normalize.js
var normalizeTransforms = (stdioItems, optionName, direction, options) => [
  ...stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type)),
  ...getTransforms(stdioItems, optionName, direction, options)
];
var getTransforms = (stdioItems, optionName, direction, { encoding }) => {
  const transforms = stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type));
  const newTransforms = Array.from({ length: transforms.length });
  for (const [index, stdioItem] of Object.entries(transforms)) {
    newTransforms[index] = normalizeTransform({
      stdioItem,
      index: Number(index),
      newTransforms,
      optionName,
      direction,
      encoding
    });
  }
  return sortTransforms(newTransforms, direction);
};
var normalizeTransform = ({ stdioItem, stdioItem: { type }, index, newTransforms, optionName, direction, encoding }) => {
  if (type === "duplex") {
    return normalizeDuplex({ stdioItem, optionName });
  }
  if (type === "webTransform") {
    return normalizeTransformStream({
      stdioItem,
      index,
      newTransforms,
      direction
    });
  }
  return normalizeGenerator({
    stdioItem,
    index,
    newTransforms,
    direction,
    encoding
  });
};
var normalizeDuplex = ({
  stdioItem,
  stdioItem: {
    value: {
      transform,
      transform: { writableObjectMode, readableObjectMode },
      objectMode = readableObjectMode
    }
  },
  optionName
}) => {
  if (objectMode && !readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option can only be \`true\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  if (!objectMode && readableObjectMode) {
    throw new TypeError(`The \`${optionName}.objectMode\` option cannot be \`false\` if \`new Duplex({objectMode: true})\` is used.`);
  }
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeTransformStream = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction }) => {
  const { transform, objectMode } = isPlainObject(value) ? value : { transform: value };
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: { transform, writableObjectMode, readableObjectMode }
  };
};
var normalizeGenerator = ({ stdioItem, stdioItem: { value }, index, newTransforms, direction, encoding }) => {
  const {
    transform,
    final,
    binary: binaryOption = false,
    preserveNewlines = false,
    objectMode
  } = isPlainObject(value) ? value : { transform: value };
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { writableObjectMode, readableObjectMode } = getTransformObjectModes(objectMode, index, newTransforms, direction);
  return {
    ...stdioItem,
    value: {
      transform,
      final,
      binary,
      preserveNewlines,
      writableObjectMode,
      readableObjectMode
    }
  };
};
var sortTransforms = (newTransforms, direction) => direction === "input" ? newTransforms.reverse() : newTransforms;

// node_modules/execa/lib/stdio/direction.js
import process7 from "node:process";
var getStreamDirection = (stdioItems, fdNumber, optionName) => {
  const directions = stdioItems.map((stdioItem) => getStdioItemDirection(stdioItem, fdNumber));
  if (directions.includes("input") && directions.includes("output")) {
    throw new TypeError(`The \`${optionName}\` option must not be an array of both readable and writable values.`);
  }
  return directions.find(Boolean) ?? DEFAULT_DIRECTION;
};
var getStdioItemDirection = ({ type, value }, fdNumber) => KNOWN_DIRECTIONS[fdNumber] ?? guessStreamDirection[type](value);
var KNOWN_DIRECTIONS = ["input", "output", "output"];
var anyDirection = () => void 0;
var alwaysInput = () => "input";
var guessStreamDirection = {
  generator: anyDirection,
  asyncGenerator: anyDirection,
  fileUrl: anyDirection,
  filePath: anyDirection,
  iterable: alwaysInput,
  asyncIterable: alwaysInput,
  uint8Array: alwaysInput,
  webStream: (value) => isWritableStream2(value) ? "output" : "input",
  nodeStream(value) {
    if (!isReadableStream2(value, { checkOpen: false })) {
      return "output";
    }
    return isWritableStream(value, { checkOpen: false }) ? void 0 : "input";
  },
  webTransform: anyDirection,
  duplex: anyDirection,
  native(value) {
    const standardStreamDirection = getStandardStreamDirection(value);
    if (standardStreamDirection !== void 0) {
      return standardStreamDirection;
    }
    if (isStream2(value, { checkOpen: false })) {
      return guessStreamDirection.nodeStream(value);
    }
  }
};
var getStandardStreamDirection = (value) => {
  if ([0, process7.stdin].includes(value)) {
    return "input";
  }
  if ([1, 2, process7.stdout, process7.stderr].includes(value)) {
    return "output";
  }
};
var DEFAULT_DIRECTION = "output";

// node_modules/execa/lib/ipc/array.js
var normalizeIpcStdioArray = (stdioArray, ipc) => ipc && !stdioArray.includes("ipc") ? [...stdioArray, "ipc"] : stdioArray;

// node_modules/execa/lib/stdio/stdio-option.js
var normalizeStdioOption = ({ stdio, ipc, buffer, ...options }, verboseInfo, isSync) => {
  const stdioArray = getStdioArray(stdio, options).map((stdioOption, fdNumber) => addDefaultValue2(stdioOption, fdNumber));
  return isSync ? normalizeStdioSync(stdioArray, buffer, verboseInfo) : normalizeIpcStdioArray(stdioArray, ipc);
};
var getStdioArray = (stdio, options) => {
  if (stdio === void 0) {
    return STANDARD_STREAMS_ALIASES.map((alias) => options[alias]);
  }
  if (hasAlias(options)) {
    throw new Error(`It's not possible to provide \`stdio\` in combination with one of ${STANDARD_STREAMS_ALIASES.map((alias) => `\`${alias}\``).join(", ")}`);
  }
  if (typeof stdio === "string") {
    return [stdio, stdio, stdio];
  }
  if (!Array.isArray(stdio)) {
    throw new TypeError(`Expected \`stdio\` to be of type \`string\` or \`Array\`, got \`${typeof stdio}\``);
  }
  const length = Math.max(stdio.length, STANDARD_STREAMS_ALIASES.length);
  return Array.from({ length }, (_, fdNumber) => stdio[fdNumber]);
};
var hasAlias = (options) => STANDARD_STREAMS_ALIASES.some((alias) => options[alias] !== void 0);
var addDefaultValue2 = (stdioOption, fdNumber) => {
  if (Array.isArray(stdioOption)) {
    return stdioOption.map((item) => addDefaultValue2(item, fdNumber));
  }
  if (stdioOption === null || stdioOption === void 0) {
    return fdNumber >= STANDARD_STREAMS_ALIASES.length ? "ignore" : "pipe";
  }
  return stdioOption;
};
var normalizeStdioSync = (stdioArray, buffer, verboseInfo) => stdioArray.map((stdioOption, fdNumber) => !buffer[fdNumber] && fdNumber !== 0 && !isFullVerbose(verboseInfo, fdNumber) && isOutputPipeOnly(stdioOption) ? "ignore" : stdioOption);
var isOutputPipeOnly = (stdioOption) => stdioOption === "pipe" || Array.isArray(stdioOption) && stdioOption.every((item) => item === "pipe");

// node_modules/execa/lib/stdio/native.js
import { readFileSync as readFileSync5 } from "node:fs";
import tty2 from "node:tty";
var handleNativeStream = ({ stdioItem, stdioItem: { type }, isStdioArray, fdNumber, direction, isSync }) => {
  if (!isStdioArray || type !== "native") {
    return stdioItem;
  }
  return isSync ? handleNativeStreamSync({ stdioItem, fdNumber, direction }) : handleNativeStreamAsync({ stdioItem, fdNumber });
};
var handleNativeStreamSync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber, direction }) => {
  const targetFd = getTargetFd({
    value,
    optionName,
    fdNumber,
    direction
  });
  if (targetFd !== void 0) {
    return targetFd;
  }
  if (isStream2(value, { checkOpen: false })) {
    throw new TypeError(`The \`${optionName}: Stream\` option cannot both be an array and include a stream with synchronous methods.`);
  }
  return stdioItem;
};
var getTargetFd = ({ value, optionName, fdNumber, direction }) => {
  const targetFdNumber = getTargetFdNumber(value, fdNumber);
  if (targetFdNumber === void 0) {
    return;
  }
  if (direction === "output") {
    return { type: "fileNumber", value: targetFdNumber, optionName };
  }
  if (tty2.isatty(targetFdNumber)) {
    throw new TypeError(`The \`${optionName}: ${serializeOptionValue(value)}\` option is invalid: it cannot be a TTY with synchronous methods.`);
  }
  return { type: "uint8Array", value: bufferToUint8Array(readFileSync5(targetFdNumber)), optionName };
};
var getTargetFdNumber = (value, fdNumber) => {
  if (value === "inherit") {
    return fdNumber;
  }
  if (typeof value === "number") {
    return value;
  }
  const standardStreamIndex = STANDARD_STREAMS.indexOf(value);
  if (standardStreamIndex !== -1) {
    return standardStreamIndex;
  }
};
var handleNativeStreamAsync = ({ stdioItem, stdioItem: { value, optionName }, fdNumber }) => {
  if (value === "inherit") {
    return { type: "nodeStream", value: getStandardStream(fdNumber, value, optionName), optionName };
  }
  if (typeof value === "number") {
    return { type: "nodeStream", value: getStandardStream(value, value, optionName), optionName };
  }
  if (isStream2(value, { checkOpen: false })) {
    return { type: "nodeStream", value, optionName };
  }
  return stdioItem;
};
var getStandardStream = (fdNumber, value, optionName) => {
  const standardStream = STANDARD_STREAMS[fdNumber];
  if (standardStream === void 0) {
    throw new TypeError(`The \`${optionName}: ${value}\` option is invalid: no such standard stream.`);
  }
  return standardStream;
};

// node_modules/execa/lib/stdio/input-option.js
var handleInputOptions = ({ input, inputFile }, fdNumber) => fdNumber === 0 ? [
  ...handleInputOption(input),
  ...handleInputFileOption(inputFile)
] : [];
var handleInputOption = (input) => input === void 0 ? [] : [{
  type: getInputType(input),
  value: input,
  optionName: "input"
}];
var getInputType = (input) => {
  if (isReadableStream2(input, { checkOpen: false })) {
    return "nodeStream";
  }
  if (typeof input === "string") {
    return "string";
  }
  if (isUint8Array(input)) {
    return "uint8Array";
  }
  throw new Error("The `input` option must be a string, a Uint8Array or a Node.js Readable stream.");
};
var handleInputFileOption = (inputFile) => inputFile === void 0 ? [] : [{
  ...getInputFileType(inputFile),
  optionName: "inputFile"
}];
var getInputFileType = (inputFile) => {
  if (isUrl(inputFile)) {
    return { type: "fileUrl", value: inputFile };
  }
  if (isFilePathString(inputFile)) {
    return { type: "filePath", value: { file: inputFile } };
  }
  throw new Error("The `inputFile` option must be a file path string or a file URL.");
};

// node_modules/execa/lib/stdio/duplicate.js
var filterDuplicates = (stdioItems) => stdioItems.filter((stdioItemOne, indexOne) => stdioItems.every((stdioItemTwo, indexTwo) => stdioItemOne.value !== stdioItemTwo.value || indexOne >= indexTwo || stdioItemOne.type === "generator" || stdioItemOne.type === "asyncGenerator"));
var getDuplicateStream = ({ stdioItem: { type, value, optionName }, direction, fileDescriptors, isSync }) => {
  const otherStdioItems = getOtherStdioItems(fileDescriptors, type);
  if (otherStdioItems.length === 0) {
    return;
  }
  if (isSync) {
    validateDuplicateStreamSync({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
    return;
  }
  if (SPECIAL_DUPLICATE_TYPES.has(type)) {
    return getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
  if (FORBID_DUPLICATE_TYPES.has(type)) {
    validateDuplicateTransform({
      otherStdioItems,
      type,
      value,
      optionName
    });
  }
};
var getOtherStdioItems = (fileDescriptors, type) => fileDescriptors.flatMap(({ direction, stdioItems }) => stdioItems.filter((stdioItem) => stdioItem.type === type).map(((stdioItem) => ({ ...stdioItem, direction }))));
var validateDuplicateStreamSync = ({ otherStdioItems, type, value, optionName, direction }) => {
  if (SPECIAL_DUPLICATE_TYPES_SYNC.has(type)) {
    getDuplicateStreamInstance({
      otherStdioItems,
      type,
      value,
      optionName,
      direction
    });
  }
};
var getDuplicateStreamInstance = ({ otherStdioItems, type, value, optionName, direction }) => {
  const duplicateStdioItems = otherStdioItems.filter((stdioItem) => hasSameValue(stdioItem, value));
  if (duplicateStdioItems.length === 0) {
    return;
  }
  const differentStdioItem = duplicateStdioItems.find((stdioItem) => stdioItem.direction !== direction);
  throwOnDuplicateStream(differentStdioItem, optionName, type);
  return direction === "output" ? duplicateStdioItems[0].stream : void 0;
};
var hasSameValue = ({ type, value }, secondValue) => {
  if (type === "filePath") {
    return value.file === secondValue.file;
  }
  if (type === "fileUrl") {
    return value.href === secondValue.href;
  }
  return value === secondValue;
};
var validateDuplicateTransform = ({ otherStdioItems, type, value, optionName }) => {
  const duplicateStdioItem = otherStdioItems.find(({ value: { transform } }) => transform === value.transform);
  throwOnDuplicateStream(duplicateStdioItem, optionName, type);
};
var throwOnDuplicateStream = (stdioItem, optionName, type) => {
  if (stdioItem !== void 0) {
    throw new TypeError(`The \`${stdioItem.optionName}\` and \`${optionName}\` options must not target ${TYPE_TO_MESSAGE[type]} that is the same.`);
  }
};

// node_modules/execa/lib/stdio/handle.js
var handleStdio = (addProperties3, options, verboseInfo, isSync) => {
  const stdio = normalizeStdioOption(options, verboseInfo, isSync);
  const initialFileDescriptors = stdio.map((stdioOption, fdNumber) => getFileDescriptor({
    stdioOption,
    fdNumber,
    options,
    isSync
  }));
  const fileDescriptors = getFinalFileDescriptors({
    initialFileDescriptors,
    addProperties: addProperties3,
    options,
    isSync
  });
  options.stdio = fileDescriptors.map(({ stdioItems }) => forwardStdio(stdioItems));
  return fileDescriptors;
};
var getFileDescriptor = ({ stdioOption, fdNumber, options, isSync }) => {
  const optionName = getStreamName(fdNumber);
  const { stdioItems: initialStdioItems, isStdioArray } = initializeStdioItems({
    stdioOption,
    fdNumber,
    options,
    optionName
  });
  const direction = getStreamDirection(initialStdioItems, fdNumber, optionName);
  const stdioItems = initialStdioItems.map((stdioItem) => handleNativeStream({
    stdioItem,
    isStdioArray,
    fdNumber,
    direction,
    isSync
  }));
  const normalizedStdioItems = normalizeTransforms(stdioItems, optionName, direction, options);
  const objectMode = getFdObjectMode(normalizedStdioItems, direction);
  validateFileObjectMode(normalizedStdioItems, objectMode);
  return { direction, objectMode, stdioItems: normalizedStdioItems };
};
var initializeStdioItems = ({ stdioOption, fdNumber, options, optionName }) => {
  const values = Array.isArray(stdioOption) ? stdioOption : [stdioOption];
  const initialStdioItems = [
    ...values.map((value) => initializeStdioItem(value, optionName)),
    ...handleInputOptions(options, fdNumber)
  ];
  const stdioItems = filterDuplicates(initialStdioItems);
  const isStdioArray = stdioItems.length > 1;
  validateStdioArray(stdioItems, isStdioArray, optionName);
  validateStreams(stdioItems);
  return { stdioItems, isStdioArray };
};
var initializeStdioItem = (value, optionName) => ({
  type: getStdioItemType(value, optionName),
  value,
  optionName
});
var validateStdioArray = (stdioItems, isStdioArray, optionName) => {
  if (stdioItems.length === 0) {
    throw new TypeError(`The \`${optionName}\` option must not be an empty array.`);
  }
  if (!isStdioArray) {
    return;
  }
  for (const { value, optionName: optionName2 } of stdioItems) {
    if (INVALID_STDIO_ARRAY_OPTIONS.has(value)) {
      throw new Error(`The \`${optionName2}\` option must not include \`${value}\`.`);
    }
  }
};
var INVALID_STDIO_ARRAY_OPTIONS = /* @__PURE__ */ new Set(["ignore", "ipc"]);
var validateStreams = (stdioItems) => {
  for (const stdioItem of stdioItems) {
    validateFileStdio(stdioItem);
  }
};
var validateFileStdio = ({ type, value, optionName }) => {
  if (isRegularUrl(value)) {
    throw new TypeError(`The \`${optionName}: URL\` option must use the \`file:\` scheme.
For example, you can use the \`pathToFileURL()\` method of the \`url\` core module.`);
  }
  if (isUnknownStdioString(type, value)) {
    throw new TypeError(`The \`${optionName}: { file: '...' }\` option must be used instead of \`${optionName}: '...'\`.`);
  }
};
var validateFileObjectMode = (stdioItems, objectMode) => {
  if (!objectMode) {
    return;
  }
  const fileStdioItem = stdioItems.find(({ type }) => FILE_TYPES.has(type));
  if (fileStdioItem !== void 0) {
    throw new TypeError(`The \`${fileStdioItem.optionName}\` option cannot use both files and transforms in objectMode.`);
  }
};
var getFinalFileDescriptors = ({ initialFileDescriptors, addProperties: addProperties3, options, isSync }) => {
  const fileDescriptors = [];
  try {
    for (const fileDescriptor of initialFileDescriptors) {
      fileDescriptors.push(getFinalFileDescriptor({
        fileDescriptor,
        fileDescriptors,
        addProperties: addProperties3,
        options,
        isSync
      }));
    }
    return fileDescriptors;
  } catch (error) {
    cleanupCustomStreams(fileDescriptors);
    throw error;
  }
};
var getFinalFileDescriptor = ({
  fileDescriptor: { direction, objectMode, stdioItems },
  fileDescriptors,
  addProperties: addProperties3,
  options,
  isSync
}) => {
  const finalStdioItems = stdioItems.map((stdioItem) => addStreamProperties({
    stdioItem,
    addProperties: addProperties3,
    direction,
    options,
    fileDescriptors,
    isSync
  }));
  return { direction, objectMode, stdioItems: finalStdioItems };
};
var addStreamProperties = ({ stdioItem, addProperties: addProperties3, direction, options, fileDescriptors, isSync }) => {
  const duplicateStream = getDuplicateStream({
    stdioItem,
    direction,
    fileDescriptors,
    isSync
  });
  if (duplicateStream !== void 0) {
    return { ...stdioItem, stream: duplicateStream };
  }
  return {
    ...stdioItem,
    ...addProperties3[direction][stdioItem.type](stdioItem, options)
  };
};
var cleanupCustomStreams = (fileDescriptors) => {
  for (const { stdioItems } of fileDescriptors) {
    for (const { stream } of stdioItems) {
      if (stream !== void 0 && !isStandardStream(stream)) {
        stream.destroy();
      }
    }
  }
};
var forwardStdio = (stdioItems) => {
  if (stdioItems.length > 1) {
    return stdioItems.some(({ value: value2 }) => value2 === "overlapped") ? "overlapped" : "pipe";
  }
  const [{ type, value }] = stdioItems;
  return type === "native" ? value : "pipe";
};

// node_modules/execa/lib/stdio/handle-sync.js
var handleStdioSync = (options, verboseInfo) => handleStdio(addPropertiesSync, options, verboseInfo, true);
var forbiddenIfSync = ({ type, optionName }) => {
  throwInvalidSyncValue(optionName, TYPE_TO_MESSAGE[type]);
};
var forbiddenNativeIfSync = ({ optionName, value }) => {
  if (value === "ipc" || value === "overlapped") {
    throwInvalidSyncValue(optionName, `"${value}"`);
  }
  return {};
};
var throwInvalidSyncValue = (optionName, value) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${value} with synchronous methods.`);
};
var addProperties = {
  generator() {
  },
  asyncGenerator: forbiddenIfSync,
  webStream: forbiddenIfSync,
  nodeStream: forbiddenIfSync,
  webTransform: forbiddenIfSync,
  duplex: forbiddenIfSync,
  asyncIterable: forbiddenIfSync,
  native: forbiddenNativeIfSync
};
var addPropertiesSync = {
  input: {
    ...addProperties,
    fileUrl: ({ value }) => ({ contents: [bufferToUint8Array(readFileSync6(value))] }),
    filePath: ({ value: { file } }) => ({ contents: [bufferToUint8Array(readFileSync6(file))] }),
    fileNumber: forbiddenIfSync,
    iterable: ({ value }) => ({ contents: [...value] }),
    string: ({ value }) => ({ contents: [value] }),
    uint8Array: ({ value }) => ({ contents: [value] })
  },
  output: {
    ...addProperties,
    fileUrl: ({ value }) => ({ path: value }),
    filePath: ({ value: { file, append: append2 } }) => ({ path: file, append: append2 }),
    fileNumber: ({ value }) => ({ path: value }),
    iterable: forbiddenIfSync,
    string: forbiddenIfSync,
    uint8Array: forbiddenIfSync
  }
};

// node_modules/execa/lib/io/strip-newline.js
var stripNewline = (value, { stripFinalNewline: stripFinalNewline2 }, fdNumber) => getStripFinalNewline(stripFinalNewline2, fdNumber) && value !== void 0 && !Array.isArray(value) ? stripFinalNewline(value) : value;
var getStripFinalNewline = (stripFinalNewline2, fdNumber) => fdNumber === "all" ? stripFinalNewline2[1] || stripFinalNewline2[2] : stripFinalNewline2[fdNumber];

// node_modules/execa/lib/transform/generator.js
import { Transform, getDefaultHighWaterMark } from "node:stream";

// node_modules/execa/lib/transform/split.js
var getSplitLinesGenerator = (binary, preserveNewlines, skipped, state) => binary || skipped ? void 0 : initializeSplitLines(preserveNewlines, state);
var splitLinesSync = (chunk, preserveNewlines, objectMode) => objectMode ? chunk.flatMap((item) => splitLinesItemSync(item, preserveNewlines)) : splitLinesItemSync(chunk, preserveNewlines);
var splitLinesItemSync = (chunk, preserveNewlines) => {
  const { transform, final } = initializeSplitLines(preserveNewlines, {});
  return [...transform(chunk), ...final()];
};
var initializeSplitLines = (preserveNewlines, state) => {
  state.previousChunks = "";
  return {
    transform: splitGenerator.bind(void 0, state, preserveNewlines),
    final: linesFinal.bind(void 0, state)
  };
};
var splitGenerator = function* (state, preserveNewlines, chunk) {
  if (typeof chunk !== "string") {
    yield chunk;
    return;
  }
  let { previousChunks } = state;
  let start = -1;
  for (let end = 0; end < chunk.length; end += 1) {
    if (chunk[end] === "\n") {
      const newlineLength = getNewlineLength(chunk, end, preserveNewlines, state);
      let line = chunk.slice(start + 1, end + 1 - newlineLength);
      if (previousChunks.length > 0) {
        line = concatString(previousChunks, line);
        previousChunks = "";
      }
      yield line;
      start = end;
    }
  }
  if (start !== chunk.length - 1) {
    previousChunks = concatString(previousChunks, chunk.slice(start + 1));
  }
  state.previousChunks = previousChunks;
};
var getNewlineLength = (chunk, end, preserveNewlines, state) => {
  if (preserveNewlines) {
    return 0;
  }
  state.isWindowsNewline = end !== 0 && chunk[end - 1] === "\r";
  return state.isWindowsNewline ? 2 : 1;
};
var linesFinal = function* ({ previousChunks }) {
  if (previousChunks.length > 0) {
    yield previousChunks;
  }
};
var getAppendNewlineGenerator = ({ binary, preserveNewlines, readableObjectMode, state }) => binary || preserveNewlines || readableObjectMode ? void 0 : { transform: appendNewlineGenerator.bind(void 0, state) };
var appendNewlineGenerator = function* ({ isWindowsNewline = false }, chunk) {
  const { unixNewline, windowsNewline, LF: LF3, concatBytes } = typeof chunk === "string" ? linesStringInfo : linesUint8ArrayInfo;
  if (chunk.at(-1) === LF3) {
    yield chunk;
    return;
  }
  const newline = isWindowsNewline ? windowsNewline : unixNewline;
  yield concatBytes(chunk, newline);
};
var concatString = (firstChunk, secondChunk) => `${firstChunk}${secondChunk}`;
var linesStringInfo = {
  windowsNewline: "\r\n",
  unixNewline: "\n",
  LF: "\n",
  concatBytes: concatString
};
var concatUint8Array = (firstChunk, secondChunk) => {
  const chunk = new Uint8Array(firstChunk.length + secondChunk.length);
  chunk.set(firstChunk, 0);
  chunk.set(secondChunk, firstChunk.length);
  return chunk;
};
var linesUint8ArrayInfo = {
  windowsNewline: new Uint8Array([13, 10]),
  unixNewline: new Uint8Array([10]),
  LF: 10,
  concatBytes: concatUint8Array
};

// node_modules/execa/lib/transform/validate.js
import { Buffer as Buffer2 } from "node:buffer";
var getValidateTransformInput = (writableObjectMode, optionName) => writableObjectMode ? void 0 : validateStringTransformInput.bind(void 0, optionName);
var validateStringTransformInput = function* (optionName, chunk) {
  if (typeof chunk !== "string" && !isUint8Array(chunk) && !Buffer2.isBuffer(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's transform must use "objectMode: true" to receive as input: ${typeof chunk}.`);
  }
  yield chunk;
};
var getValidateTransformReturn = (readableObjectMode, optionName) => readableObjectMode ? validateObjectTransformReturn.bind(void 0, optionName) : validateStringTransformReturn.bind(void 0, optionName);
var validateObjectTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  yield chunk;
};
var validateStringTransformReturn = function* (optionName, chunk) {
  validateEmptyReturn(optionName, chunk);
  if (typeof chunk !== "string" && !isUint8Array(chunk)) {
    throw new TypeError(`The \`${optionName}\` option's function must yield a string or an Uint8Array, not ${typeof chunk}.`);
  }
  yield chunk;
};
var validateEmptyReturn = (optionName, chunk) => {
  if (chunk === null || chunk === void 0) {
    throw new TypeError(`The \`${optionName}\` option's function must not call \`yield ${chunk}\`.
Instead, \`yield\` should either be called with a value, or not be called at all. For example:
  if (condition) { yield value; }`);
  }
};

// node_modules/execa/lib/transform/encoding-transform.js
import { Buffer as Buffer3 } from "node:buffer";
import { StringDecoder as StringDecoder2 } from "node:string_decoder";
var getEncodingTransformGenerator = (binary, encoding, skipped) => {
  if (skipped) {
    return;
  }
  if (binary) {
    return { transform: encodingUint8ArrayGenerator.bind(void 0, new TextEncoder()) };
  }
  const stringDecoder = new StringDecoder2(encoding);
  return {
    transform: encodingStringGenerator.bind(void 0, stringDecoder),
    final: encodingStringFinal.bind(void 0, stringDecoder)
  };
};
var encodingUint8ArrayGenerator = function* (textEncoder3, chunk) {
  if (Buffer3.isBuffer(chunk)) {
    yield bufferToUint8Array(chunk);
  } else if (typeof chunk === "string") {
    yield textEncoder3.encode(chunk);
  } else {
    yield chunk;
  }
};
var encodingStringGenerator = function* (stringDecoder, chunk) {
  yield isUint8Array(chunk) ? stringDecoder.write(chunk) : chunk;
};
var encodingStringFinal = function* (stringDecoder) {
  const lastChunk = stringDecoder.end();
  if (lastChunk !== "") {
    yield lastChunk;
  }
};

// node_modules/execa/lib/transform/run-async.js
import { callbackify } from "node:util";
var pushChunks = callbackify(async (getChunks, state, getChunksArguments, transformStream) => {
  state.currentIterable = getChunks(...getChunksArguments);
  try {
    for await (const chunk of state.currentIterable) {
      transformStream.push(chunk);
    }
  } finally {
    delete state.currentIterable;
  }
});
var transformChunk = async function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator } = generators[index];
  for await (const transformedChunk of transform(chunk)) {
    yield* transformChunk(transformedChunk, generators, index + 1);
  }
};
var finalChunks = async function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunks(final, Number(index), generators);
  }
};
var generatorFinalChunks = async function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for await (const finalChunk of final()) {
    yield* transformChunk(finalChunk, generators, index + 1);
  }
};
var destroyTransform = callbackify(async ({ currentIterable }, error) => {
  if (currentIterable !== void 0) {
    await (error ? currentIterable.throw(error) : currentIterable.return());
    return;
  }
  if (error) {
    throw error;
  }
});
var identityGenerator = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/run-sync.js
var pushChunksSync = (getChunksSync, getChunksArguments, transformStream, done) => {
  try {
    for (const chunk of getChunksSync(...getChunksArguments)) {
      transformStream.push(chunk);
    }
    done();
  } catch (error) {
    done(error);
  }
};
var runTransformSync = (generators, chunks) => [
  ...chunks.flatMap((chunk) => [...transformChunkSync(chunk, generators, 0)]),
  ...finalChunksSync(generators)
];
var transformChunkSync = function* (chunk, generators, index) {
  if (index === generators.length) {
    yield chunk;
    return;
  }
  const { transform = identityGenerator2 } = generators[index];
  for (const transformedChunk of transform(chunk)) {
    yield* transformChunkSync(transformedChunk, generators, index + 1);
  }
};
var finalChunksSync = function* (generators) {
  for (const [index, { final }] of Object.entries(generators)) {
    yield* generatorFinalChunksSync(final, Number(index), generators);
  }
};
var generatorFinalChunksSync = function* (final, index, generators) {
  if (final === void 0) {
    return;
  }
  for (const finalChunk of final()) {
    yield* transformChunkSync(finalChunk, generators, index + 1);
  }
};
var identityGenerator2 = function* (chunk) {
  yield chunk;
};

// node_modules/execa/lib/transform/generator.js
var generatorToStream = ({
  value,
  value: { transform, final, writableObjectMode, readableObjectMode },
  optionName
}, { encoding }) => {
  const state = {};
  const generators = addInternalGenerators(value, encoding, optionName);
  const transformAsync = isAsyncGenerator(transform);
  const finalAsync = isAsyncGenerator(final);
  const transformMethod = transformAsync ? pushChunks.bind(void 0, transformChunk, state) : pushChunksSync.bind(void 0, transformChunkSync);
  const finalMethod = transformAsync || finalAsync ? pushChunks.bind(void 0, finalChunks, state) : pushChunksSync.bind(void 0, finalChunksSync);
  const destroyMethod = transformAsync || finalAsync ? destroyTransform.bind(void 0, state) : void 0;
  const stream = new Transform({
    writableObjectMode,
    writableHighWaterMark: getDefaultHighWaterMark(writableObjectMode),
    readableObjectMode,
    readableHighWaterMark: getDefaultHighWaterMark(readableObjectMode),
    transform(chunk, encoding2, done) {
      transformMethod([chunk, generators, 0], this, done);
    },
    flush(done) {
      finalMethod([generators], this, done);
    },
    destroy: destroyMethod
  });
  return { stream };
};
var runGeneratorsSync = (chunks, stdioItems, encoding, isInput) => {
  const generators = stdioItems.filter(({ type }) => type === "generator");
  const reversedGenerators = isInput ? generators.reverse() : generators;
  for (const { value, optionName } of reversedGenerators) {
    const generators2 = addInternalGenerators(value, encoding, optionName);
    chunks = runTransformSync(generators2, chunks);
  }
  return chunks;
};
var addInternalGenerators = ({ transform, final, binary, writableObjectMode, readableObjectMode, preserveNewlines }, encoding, optionName) => {
  const state = {};
  return [
    { transform: getValidateTransformInput(writableObjectMode, optionName) },
    getEncodingTransformGenerator(binary, encoding, writableObjectMode),
    getSplitLinesGenerator(binary, preserveNewlines, writableObjectMode, state),
    { transform, final },
    { transform: getValidateTransformReturn(readableObjectMode, optionName) },
    getAppendNewlineGenerator({
      binary,
      preserveNewlines,
      readableObjectMode,
      state
    })
  ].filter(Boolean);
};

// node_modules/execa/lib/io/input-sync.js
var addInputOptionsSync = (fileDescriptors, options) => {
  for (const fdNumber of getInputFdNumbers(fileDescriptors)) {
    addInputOptionSync(fileDescriptors, fdNumber, options);
  }
};
var getInputFdNumbers = (fileDescriptors) => new Set(Object.entries(fileDescriptors).filter(([, { direction }]) => direction === "input").map(([fdNumber]) => Number(fdNumber)));
var addInputOptionSync = (fileDescriptors, fdNumber, options) => {
  const { stdioItems } = fileDescriptors[fdNumber];
  const allStdioItems = stdioItems.filter(({ contents }) => contents !== void 0);
  if (allStdioItems.length === 0) {
    return;
  }
  if (fdNumber !== 0) {
    const [{ type, optionName }] = allStdioItems;
    throw new TypeError(`Only the \`stdin\` option, not \`${optionName}\`, can be ${TYPE_TO_MESSAGE[type]} with synchronous methods.`);
  }
  const allContents = allStdioItems.map(({ contents }) => contents);
  const transformedContents = allContents.map((contents) => applySingleInputGeneratorsSync(contents, stdioItems));
  options.input = joinToUint8Array(transformedContents);
};
var applySingleInputGeneratorsSync = (contents, stdioItems) => {
  const newContents = runGeneratorsSync(contents, stdioItems, "utf8", true);
  validateSerializable(newContents);
  return joinToUint8Array(newContents);
};
var validateSerializable = (newContents) => {
  const invalidItem = newContents.find((item) => typeof item !== "string" && !isUint8Array(item));
  if (invalidItem !== void 0) {
    throw new TypeError(`The \`stdin\` option is invalid: when passing objects as input, a transform must be used to serialize them to strings or Uint8Arrays: ${invalidItem}.`);
  }
};

// node_modules/execa/lib/io/output-sync.js
import { writeFileSync as writeFileSync2, appendFileSync } from "node:fs";

// node_modules/execa/lib/verbose/output.js
var shouldLogOutput = ({ stdioItems, encoding, verboseInfo, fdNumber }) => fdNumber !== "all" && isFullVerbose(verboseInfo, fdNumber) && !BINARY_ENCODINGS.has(encoding) && fdUsesVerbose(fdNumber) && (stdioItems.some(({ type, value }) => type === "native" && PIPED_STDIO_VALUES.has(value)) || stdioItems.every(({ type }) => TRANSFORM_TYPES.has(type)));
var fdUsesVerbose = (fdNumber) => fdNumber === 1 || fdNumber === 2;
var PIPED_STDIO_VALUES = /* @__PURE__ */ new Set(["pipe", "overlapped"]);
var logLines = async (linesIterable, stream, fdNumber, verboseInfo) => {
  for await (const line of linesIterable) {
    if (!isPipingStream(stream)) {
      logLine(line, fdNumber, verboseInfo);
    }
  }
};
var logLinesSync = (linesArray, fdNumber, verboseInfo) => {
  for (const line of linesArray) {
    logLine(line, fdNumber, verboseInfo);
  }
};
var isPipingStream = (stream) => stream._readableState.pipes.length > 0;
var logLine = (line, fdNumber, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(line);
  verboseLog({
    type: "output",
    verboseMessage,
    fdNumber,
    verboseInfo
  });
};

// node_modules/execa/lib/io/output-sync.js
var transformOutputSync = ({ fileDescriptors, syncResult: { output }, options, isMaxBuffer, verboseInfo }) => {
  if (output === null) {
    return { output: Array.from({ length: 3 }) };
  }
  const state = {};
  const outputFiles = /* @__PURE__ */ new Set([]);
  const transformedOutput = output.map((result, fdNumber) => transformOutputResultSync({
    result,
    fileDescriptors,
    fdNumber,
    state,
    outputFiles,
    isMaxBuffer,
    verboseInfo
  }, options));
  return { output: transformedOutput, ...state };
};
var transformOutputResultSync = ({ result, fileDescriptors, fdNumber, state, outputFiles, isMaxBuffer, verboseInfo }, { buffer, encoding, lines, stripFinalNewline: stripFinalNewline2, maxBuffer }) => {
  if (result === null) {
    return;
  }
  const truncatedResult = truncateMaxBufferSync(result, isMaxBuffer, maxBuffer);
  const uint8ArrayResult = bufferToUint8Array(truncatedResult);
  const { stdioItems, objectMode } = fileDescriptors[fdNumber];
  const chunks = runOutputGeneratorsSync([uint8ArrayResult], stdioItems, encoding, state);
  const { serializedResult, finalResult = serializedResult } = serializeChunks({
    chunks,
    objectMode,
    encoding,
    lines,
    stripFinalNewline: stripFinalNewline2,
    fdNumber
  });
  logOutputSync({
    serializedResult,
    fdNumber,
    state,
    verboseInfo,
    encoding,
    stdioItems,
    objectMode
  });
  const returnedResult = buffer[fdNumber] ? finalResult : void 0;
  try {
    if (state.error === void 0) {
      writeToFiles(serializedResult, stdioItems, outputFiles);
    }
    return returnedResult;
  } catch (error) {
    state.error = error;
    return returnedResult;
  }
};
var runOutputGeneratorsSync = (chunks, stdioItems, encoding, state) => {
  try {
    return runGeneratorsSync(chunks, stdioItems, encoding, false);
  } catch (error) {
    state.error = error;
    return chunks;
  }
};
var serializeChunks = ({ chunks, objectMode, encoding, lines, stripFinalNewline: stripFinalNewline2, fdNumber }) => {
  if (objectMode) {
    return { serializedResult: chunks };
  }
  if (encoding === "buffer") {
    return { serializedResult: joinToUint8Array(chunks) };
  }
  const serializedResult = joinToString(chunks, encoding);
  if (lines[fdNumber]) {
    return { serializedResult, finalResult: splitLinesSync(serializedResult, !stripFinalNewline2[fdNumber], objectMode) };
  }
  return { serializedResult };
};
var logOutputSync = ({ serializedResult, fdNumber, state, verboseInfo, encoding, stdioItems, objectMode }) => {
  if (!shouldLogOutput({
    stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesArray = splitLinesSync(serializedResult, false, objectMode);
  try {
    logLinesSync(linesArray, fdNumber, verboseInfo);
  } catch (error) {
    state.error ??= error;
  }
};
var writeToFiles = (serializedResult, stdioItems, outputFiles) => {
  for (const { path: path6, append: append2 } of stdioItems.filter(({ type }) => FILE_TYPES.has(type))) {
    const pathString = typeof path6 === "string" ? path6 : path6.toString();
    if (append2 || outputFiles.has(pathString)) {
      appendFileSync(path6, serializedResult);
    } else {
      outputFiles.add(pathString);
      writeFileSync2(path6, serializedResult);
    }
  }
};

// node_modules/execa/lib/resolve/all-sync.js
var getAllSync = ([, stdout, stderr], options) => {
  if (!options.all) {
    return;
  }
  if (stdout === void 0) {
    return stderr;
  }
  if (stderr === void 0) {
    return stdout;
  }
  if (Array.isArray(stdout)) {
    return Array.isArray(stderr) ? [...stdout, ...stderr] : [...stdout, stripNewline(stderr, options, "all")];
  }
  if (Array.isArray(stderr)) {
    return [stripNewline(stdout, options, "all"), ...stderr];
  }
  if (isUint8Array(stdout) && isUint8Array(stderr)) {
    return concatUint8Arrays([stdout, stderr]);
  }
  return `${stdout}${stderr}`;
};

// node_modules/execa/lib/resolve/exit-async.js
import { once as once4 } from "node:events";
var waitForExit = async (subprocess, context) => {
  const [exitCode, signal] = await waitForExitOrError(subprocess);
  context.isForcefullyTerminated ??= false;
  return [exitCode, signal];
};
var waitForExitOrError = async (subprocess) => {
  const [spawnPayload, exitPayload] = await Promise.allSettled([
    once4(subprocess, "spawn"),
    once4(subprocess, "exit")
  ]);
  if (spawnPayload.status === "rejected") {
    return [];
  }
  return exitPayload.status === "rejected" ? waitForSubprocessExit(subprocess) : exitPayload.value;
};
var waitForSubprocessExit = async (subprocess) => {
  try {
    return await once4(subprocess, "exit");
  } catch {
    return waitForSubprocessExit(subprocess);
  }
};
var waitForSuccessfulExit = async (exitPromise) => {
  const [exitCode, signal] = await exitPromise;
  if (!isSubprocessErrorExit(exitCode, signal) && isFailedExit(exitCode, signal)) {
    throw new DiscardedError();
  }
  return [exitCode, signal];
};
var isSubprocessErrorExit = (exitCode, signal) => exitCode === void 0 && signal === void 0;
var isFailedExit = (exitCode, signal) => exitCode !== 0 || signal !== null;

// node_modules/execa/lib/resolve/exit-sync.js
var getExitResultSync = ({ error, status: exitCode, signal, output }, { maxBuffer }) => {
  const resultError = getResultError(error, exitCode, signal);
  const timedOut = resultError?.code === "ETIMEDOUT";
  const isMaxBuffer = isMaxBufferSync(resultError, output, maxBuffer);
  return {
    resultError,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer
  };
};
var getResultError = (error, exitCode, signal) => {
  if (error !== void 0) {
    return error;
  }
  return isFailedExit(exitCode, signal) ? new DiscardedError() : void 0;
};

// node_modules/execa/lib/methods/main-sync.js
var execaCoreSync = (rawFile, rawArguments, rawOptions) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleSyncArguments(rawFile, rawArguments, rawOptions);
  const result = spawnSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    verboseInfo,
    fileDescriptors,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var handleSyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const syncOptions = normalizeSyncOptions(rawOptions);
  const { file, commandArguments, options } = normalizeOptions(rawFile, rawArguments, syncOptions);
  validateSyncOptions(options);
  const fileDescriptors = handleStdioSync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var normalizeSyncOptions = (options) => options.node && !options.ipc ? { ...options, ipc: false } : options;
var validateSyncOptions = ({ ipc, ipcInput, detached, cancelSignal }) => {
  if (ipcInput) {
    throwInvalidSyncOption("ipcInput");
  }
  if (ipc) {
    throwInvalidSyncOption("ipc: true");
  }
  if (detached) {
    throwInvalidSyncOption("detached: true");
  }
  if (cancelSignal) {
    throwInvalidSyncOption("cancelSignal");
  }
};
var throwInvalidSyncOption = (value) => {
  throw new TypeError(`The "${value}" option cannot be used with synchronous methods.`);
};
var spawnSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, verboseInfo, fileDescriptors, startTime }) => {
  const syncResult = runSubprocessSync({
    file,
    commandArguments,
    options,
    command,
    escapedCommand,
    fileDescriptors,
    startTime
  });
  if (syncResult.failed) {
    return syncResult;
  }
  const { resultError, exitCode, signal, timedOut, isMaxBuffer } = getExitResultSync(syncResult, options);
  const { output, error = resultError } = transformOutputSync({
    fileDescriptors,
    syncResult,
    options,
    isMaxBuffer,
    verboseInfo
  });
  const stdio = output.map((stdioOutput, fdNumber) => stripNewline(stdioOutput, options, fdNumber));
  const all = stripNewline(getAllSync(output, options), options, "all");
  return getSyncResult({
    error,
    exitCode,
    signal,
    timedOut,
    isMaxBuffer,
    stdio,
    all,
    options,
    command,
    escapedCommand,
    startTime
  });
};
var runSubprocessSync = ({ file, commandArguments, options, command, escapedCommand, fileDescriptors, startTime }) => {
  try {
    addInputOptionsSync(fileDescriptors, options);
    const normalizedOptions = normalizeSpawnSyncOptions(options);
    return spawnSync(...concatenateShell(file, commandArguments, normalizedOptions));
  } catch (error) {
    return makeEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      isSync: true
    });
  }
};
var normalizeSpawnSyncOptions = ({ encoding, maxBuffer, ...options }) => ({ ...options, encoding: "buffer", maxBuffer: getMaxBufferSync(maxBuffer) });
var getSyncResult = ({ error, exitCode, signal, timedOut, isMaxBuffer, stdio, all, options, command, escapedCommand, startTime }) => error === void 0 ? makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime
}) : makeError({
  error,
  command,
  escapedCommand,
  timedOut,
  isCanceled: false,
  isGracefullyCanceled: false,
  isMaxBuffer,
  isForcefullyTerminated: false,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput: [],
  options,
  startTime,
  isSync: true
});

// node_modules/execa/lib/methods/main-async.js
import { setMaxListeners } from "node:events";
import { spawn } from "node:child_process";

// node_modules/execa/lib/ipc/methods.js
import process8 from "node:process";

// node_modules/execa/lib/ipc/get-one.js
import { once as once5, on as on2 } from "node:events";
var getOneMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true, filter } = {}) => {
  validateIpcMethod({
    methodName: "getOneMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  return getOneMessageAsync({
    anyProcess,
    channel,
    isSubprocess,
    filter,
    reference
  });
};
var getOneMessageAsync = async ({ anyProcess, channel, isSubprocess, filter, reference }) => {
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  try {
    return await Promise.race([
      getMessage(ipcEmitter, filter, controller),
      throwOnDisconnect2(ipcEmitter, isSubprocess, controller),
      throwOnStrictError(ipcEmitter, isSubprocess, controller)
    ]);
  } catch (error) {
    disconnect(anyProcess);
    throw error;
  } finally {
    controller.abort();
    removeReference(channel, reference);
  }
};
var getMessage = async (ipcEmitter, filter, { signal }) => {
  if (filter === void 0) {
    const [message] = await once5(ipcEmitter, "message", { signal });
    return message;
  }
  for await (const [message] of on2(ipcEmitter, "message", { signal })) {
    if (filter(message)) {
      return message;
    }
  }
};
var throwOnDisconnect2 = async (ipcEmitter, isSubprocess, { signal }) => {
  await once5(ipcEmitter, "disconnect", { signal });
  throwOnEarlyDisconnect(isSubprocess);
};
var throwOnStrictError = async (ipcEmitter, isSubprocess, { signal }) => {
  const [error] = await once5(ipcEmitter, "strict:error", { signal });
  throw getStrictResponseError(error, isSubprocess);
};

// node_modules/execa/lib/ipc/get-each.js
import { once as once6, on as on3 } from "node:events";
var getEachMessage = ({ anyProcess, channel, isSubprocess, ipc }, { reference = true } = {}) => loopOnMessages({
  anyProcess,
  channel,
  isSubprocess,
  ipc,
  shouldAwait: !isSubprocess,
  reference
});
var loopOnMessages = ({ anyProcess, channel, isSubprocess, ipc, shouldAwait, reference }) => {
  validateIpcMethod({
    methodName: "getEachMessage",
    isSubprocess,
    ipc,
    isConnected: isConnected(anyProcess)
  });
  addReference(channel, reference);
  const ipcEmitter = getIpcEmitter(anyProcess, channel, isSubprocess);
  const controller = new AbortController();
  const state = {};
  stopOnDisconnect(anyProcess, ipcEmitter, controller);
  abortOnStrictError({
    ipcEmitter,
    isSubprocess,
    controller,
    state
  });
  return iterateOnMessages({
    anyProcess,
    channel,
    ipcEmitter,
    isSubprocess,
    shouldAwait,
    controller,
    state,
    reference
  });
};
var stopOnDisconnect = async (anyProcess, ipcEmitter, controller) => {
  try {
    await once6(ipcEmitter, "disconnect", { signal: controller.signal });
    controller.abort();
  } catch {
  }
};
var abortOnStrictError = async ({ ipcEmitter, isSubprocess, controller, state }) => {
  try {
    const [error] = await once6(ipcEmitter, "strict:error", { signal: controller.signal });
    state.error = getStrictResponseError(error, isSubprocess);
    controller.abort();
  } catch {
  }
};
var iterateOnMessages = async function* ({ anyProcess, channel, ipcEmitter, isSubprocess, shouldAwait, controller, state, reference }) {
  try {
    for await (const [message] of on3(ipcEmitter, "message", { signal: controller.signal })) {
      throwIfStrictError(state);
      yield message;
    }
  } catch {
    throwIfStrictError(state);
  } finally {
    controller.abort();
    removeReference(channel, reference);
    if (!isSubprocess) {
      disconnect(anyProcess);
    }
    if (shouldAwait) {
      await anyProcess;
    }
  }
};
var throwIfStrictError = ({ error }) => {
  if (error) {
    throw error;
  }
};

// node_modules/execa/lib/ipc/methods.js
var addIpcMethods = (subprocess, { ipc }) => {
  Object.assign(subprocess, getIpcMethods(subprocess, false, ipc));
};
var getIpcExport = () => {
  const anyProcess = process8;
  const isSubprocess = true;
  const ipc = process8.channel !== void 0;
  return {
    ...getIpcMethods(anyProcess, isSubprocess, ipc),
    getCancelSignal: getCancelSignal.bind(void 0, {
      anyProcess,
      channel: anyProcess.channel,
      isSubprocess,
      ipc
    })
  };
};
var getIpcMethods = (anyProcess, isSubprocess, ipc) => ({
  sendMessage: sendMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getOneMessage: getOneMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  }),
  getEachMessage: getEachMessage.bind(void 0, {
    anyProcess,
    channel: anyProcess.channel,
    isSubprocess,
    ipc
  })
});

// node_modules/execa/lib/return/early-error.js
import { ChildProcess as ChildProcess2 } from "node:child_process";
import {
  PassThrough,
  Readable,
  Writable,
  Duplex
} from "node:stream";
var handleEarlyError = ({ error, command, escapedCommand, fileDescriptors, options, startTime, verboseInfo }) => {
  cleanupCustomStreams(fileDescriptors);
  const subprocess = new ChildProcess2();
  createDummyStreams(subprocess, fileDescriptors);
  Object.assign(subprocess, { readable, writable, duplex });
  const earlyError = makeEarlyError({
    error,
    command,
    escapedCommand,
    fileDescriptors,
    options,
    startTime,
    isSync: false
  });
  const promise = handleDummyPromise(earlyError, verboseInfo, options);
  return { subprocess, promise };
};
var createDummyStreams = (subprocess, fileDescriptors) => {
  const stdin = createDummyStream();
  const stdout = createDummyStream();
  const stderr = createDummyStream();
  const extraStdio = Array.from({ length: fileDescriptors.length - 3 }, createDummyStream);
  const all = createDummyStream();
  const stdio = [stdin, stdout, stderr, ...extraStdio];
  Object.assign(subprocess, {
    stdin,
    stdout,
    stderr,
    all,
    stdio
  });
};
var createDummyStream = () => {
  const stream = new PassThrough();
  stream.end();
  return stream;
};
var readable = () => new Readable({ read() {
} });
var writable = () => new Writable({ write() {
} });
var duplex = () => new Duplex({ read() {
}, write() {
} });
var handleDummyPromise = async (error, verboseInfo, options) => handleResult(error, verboseInfo, options);

// node_modules/execa/lib/stdio/handle-async.js
import { createReadStream as createReadStream2, createWriteStream as createWriteStream2 } from "node:fs";
import { Buffer as Buffer4 } from "node:buffer";
import { Readable as Readable2, Writable as Writable2, Duplex as Duplex2 } from "node:stream";
var handleStdioAsync = (options, verboseInfo) => handleStdio(addPropertiesAsync, options, verboseInfo, false);
var forbiddenIfAsync = ({ type, optionName }) => {
  throw new TypeError(`The \`${optionName}\` option cannot be ${TYPE_TO_MESSAGE[type]}.`);
};
var addProperties2 = {
  fileNumber: forbiddenIfAsync,
  generator: generatorToStream,
  asyncGenerator: generatorToStream,
  nodeStream: ({ value }) => ({ stream: value }),
  webTransform({ value: { transform, writableObjectMode, readableObjectMode } }) {
    const objectMode = writableObjectMode || readableObjectMode;
    const stream = Duplex2.fromWeb(transform, { objectMode });
    return { stream };
  },
  duplex: ({ value: { transform } }) => ({ stream: transform }),
  native() {
  }
};
var addPropertiesAsync = {
  input: {
    ...addProperties2,
    fileUrl: ({ value }) => ({ stream: createReadStream2(value) }),
    filePath: ({ value: { file } }) => ({ stream: createReadStream2(file) }),
    webStream: ({ value }) => ({ stream: Readable2.fromWeb(value) }),
    iterable: ({ value }) => ({ stream: Readable2.from(value) }),
    asyncIterable: ({ value }) => ({ stream: Readable2.from(value) }),
    string: ({ value }) => ({ stream: Readable2.from(value) }),
    uint8Array: ({ value }) => ({ stream: Readable2.from(Buffer4.from(value)) })
  },
  output: {
    ...addProperties2,
    fileUrl: ({ value }) => ({ stream: createWriteStream2(value) }),
    filePath: ({ value: { file, append: append2 } }) => ({ stream: createWriteStream2(file, append2 ? { flags: "a" } : {}) }),
    webStream: ({ value }) => ({ stream: Writable2.fromWeb(value) }),
    iterable: forbiddenIfAsync,
    asyncIterable: forbiddenIfAsync,
    string: forbiddenIfAsync,
    uint8Array: forbiddenIfAsync
  }
};

// node_modules/@sindresorhus/merge-streams/index.js
import { on as on4, once as once7 } from "node:events";
import { PassThrough as PassThroughStream, getDefaultHighWaterMark as getDefaultHighWaterMark2 } from "node:stream";
import { finished as finished2 } from "node:stream/promises";
function mergeStreams(streams) {
  if (!Array.isArray(streams)) {
    throw new TypeError(`Expected an array, got \`${typeof streams}\`.`);
  }
  for (const stream of streams) {
    validateStream(stream);
  }
  const objectMode = streams.some(({ readableObjectMode }) => readableObjectMode);
  const highWaterMark = getHighWaterMark(streams, objectMode);
  const passThroughStream = new MergedStream({
    objectMode,
    writableHighWaterMark: highWaterMark,
    readableHighWaterMark: highWaterMark
  });
  for (const stream of streams) {
    passThroughStream.add(stream);
  }
  return passThroughStream;
}
var getHighWaterMark = (streams, objectMode) => {
  if (streams.length === 0) {
    return getDefaultHighWaterMark2(objectMode);
  }
  const highWaterMarks = streams.filter(({ readableObjectMode }) => readableObjectMode === objectMode).map(({ readableHighWaterMark }) => readableHighWaterMark);
  return Math.max(...highWaterMarks);
};
var MergedStream = class extends PassThroughStream {
  #streams = /* @__PURE__ */ new Set([]);
  #ended = /* @__PURE__ */ new Set([]);
  #aborted = /* @__PURE__ */ new Set([]);
  #onFinished;
  #unpipeEvent = /* @__PURE__ */ Symbol("unpipe");
  #streamPromises = /* @__PURE__ */ new WeakMap();
  add(stream) {
    validateStream(stream);
    if (this.#streams.has(stream)) {
      return;
    }
    this.#streams.add(stream);
    this.#onFinished ??= onMergedStreamFinished(this, this.#streams, this.#unpipeEvent);
    const streamPromise = endWhenStreamsDone({
      passThroughStream: this,
      stream,
      streams: this.#streams,
      ended: this.#ended,
      aborted: this.#aborted,
      onFinished: this.#onFinished,
      unpipeEvent: this.#unpipeEvent
    });
    this.#streamPromises.set(stream, streamPromise);
    stream.pipe(this, { end: false });
  }
  async remove(stream) {
    validateStream(stream);
    if (!this.#streams.has(stream)) {
      return false;
    }
    const streamPromise = this.#streamPromises.get(stream);
    if (streamPromise === void 0) {
      return false;
    }
    this.#streamPromises.delete(stream);
    stream.unpipe(this);
    await streamPromise;
    return true;
  }
};
var onMergedStreamFinished = async (passThroughStream, streams, unpipeEvent) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_COUNT);
  const controller = new AbortController();
  try {
    await Promise.race([
      onMergedStreamEnd(passThroughStream, controller),
      onInputStreamsUnpipe(passThroughStream, streams, unpipeEvent, controller)
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_COUNT);
  }
};
var onMergedStreamEnd = async (passThroughStream, { signal }) => {
  try {
    await finished2(passThroughStream, { signal, cleanup: true });
  } catch (error) {
    errorOrAbortStream(passThroughStream, error);
    throw error;
  }
};
var onInputStreamsUnpipe = async (passThroughStream, streams, unpipeEvent, { signal }) => {
  for await (const [unpipedStream] of on4(passThroughStream, "unpipe", { signal })) {
    if (streams.has(unpipedStream)) {
      unpipedStream.emit(unpipeEvent);
    }
  }
};
var validateStream = (stream) => {
  if (typeof stream?.pipe !== "function") {
    throw new TypeError(`Expected a readable stream, got: \`${typeof stream}\`.`);
  }
};
var endWhenStreamsDone = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, onFinished, unpipeEvent }) => {
  updateMaxListeners(passThroughStream, PASSTHROUGH_LISTENERS_PER_STREAM);
  const controller = new AbortController();
  try {
    await Promise.race([
      afterMergedStreamFinished(onFinished, stream, controller),
      onInputStreamEnd({
        passThroughStream,
        stream,
        streams,
        ended,
        aborted: aborted2,
        controller
      }),
      onInputStreamUnpipe({
        stream,
        streams,
        ended,
        aborted: aborted2,
        unpipeEvent,
        controller
      })
    ]);
  } finally {
    controller.abort();
    updateMaxListeners(passThroughStream, -PASSTHROUGH_LISTENERS_PER_STREAM);
  }
  if (streams.size > 0 && streams.size === ended.size + aborted2.size) {
    if (ended.size === 0 && aborted2.size > 0) {
      abortStream(passThroughStream);
    } else {
      endStream(passThroughStream);
    }
  }
};
var afterMergedStreamFinished = async (onFinished, stream, { signal }) => {
  try {
    await onFinished;
    if (!signal.aborted) {
      abortStream(stream);
    }
  } catch (error) {
    if (!signal.aborted) {
      errorOrAbortStream(stream, error);
    }
  }
};
var onInputStreamEnd = async ({ passThroughStream, stream, streams, ended, aborted: aborted2, controller: { signal } }) => {
  try {
    await finished2(stream, {
      signal,
      cleanup: true,
      readable: true,
      writable: false
    });
    if (streams.has(stream)) {
      ended.add(stream);
    }
  } catch (error) {
    if (signal.aborted || !streams.has(stream)) {
      return;
    }
    if (isAbortError(error)) {
      aborted2.add(stream);
    } else {
      errorStream(passThroughStream, error);
    }
  }
};
var onInputStreamUnpipe = async ({ stream, streams, ended, aborted: aborted2, unpipeEvent, controller: { signal } }) => {
  await once7(stream, unpipeEvent, { signal });
  if (!stream.readable) {
    return once7(signal, "abort", { signal });
  }
  streams.delete(stream);
  ended.delete(stream);
  aborted2.delete(stream);
};
var endStream = (stream) => {
  if (stream.writable) {
    stream.end();
  }
};
var errorOrAbortStream = (stream, error) => {
  if (isAbortError(error)) {
    abortStream(stream);
  } else {
    errorStream(stream, error);
  }
};
var isAbortError = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var abortStream = (stream) => {
  if (stream.readable || stream.writable) {
    stream.destroy();
  }
};
var errorStream = (stream, error) => {
  if (!stream.destroyed) {
    stream.once("error", noop2);
    stream.destroy(error);
  }
};
var noop2 = () => {
};
var updateMaxListeners = (passThroughStream, increment2) => {
  const maxListeners = passThroughStream.getMaxListeners();
  if (maxListeners !== 0 && maxListeners !== Number.POSITIVE_INFINITY) {
    passThroughStream.setMaxListeners(maxListeners + increment2);
  }
};
var PASSTHROUGH_LISTENERS_COUNT = 2;
var PASSTHROUGH_LISTENERS_PER_STREAM = 1;

// node_modules/execa/lib/io/pipeline.js
import { finished as finished3 } from "node:stream/promises";
var pipeStreams = (source, destination) => {
  source.pipe(destination);
  onSourceFinish(source, destination);
  onDestinationFinish(source, destination);
};
var onSourceFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(source, { cleanup: true, readable: true, writable: false });
  } catch {
  }
  endDestinationStream(destination);
};
var endDestinationStream = (destination) => {
  if (destination.writable) {
    destination.end();
  }
};
var onDestinationFinish = async (source, destination) => {
  if (isStandardStream(source) || isStandardStream(destination)) {
    return;
  }
  try {
    await finished3(destination, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  abortSourceStream(source);
};
var abortSourceStream = (source) => {
  if (source.readable) {
    source.destroy();
  }
};

// node_modules/execa/lib/io/output-async.js
var pipeOutputAsync = (subprocess, fileDescriptors, controller) => {
  const pipeGroups = /* @__PURE__ */ new Map();
  for (const [fdNumber, { stdioItems, direction }] of Object.entries(fileDescriptors)) {
    for (const { stream } of stdioItems.filter(({ type }) => TRANSFORM_TYPES.has(type))) {
      pipeTransform(subprocess, stream, direction, fdNumber);
    }
    for (const { stream } of stdioItems.filter(({ type }) => !TRANSFORM_TYPES.has(type))) {
      pipeStdioItem({
        subprocess,
        stream,
        direction,
        fdNumber,
        pipeGroups,
        controller
      });
    }
  }
  for (const [outputStream, inputStreams] of pipeGroups.entries()) {
    const inputStream = inputStreams.length === 1 ? inputStreams[0] : mergeStreams(inputStreams);
    pipeStreams(inputStream, outputStream);
  }
};
var pipeTransform = (subprocess, stream, direction, fdNumber) => {
  if (direction === "output") {
    pipeStreams(subprocess.stdio[fdNumber], stream);
  } else {
    pipeStreams(stream, subprocess.stdio[fdNumber]);
  }
  const streamProperty = SUBPROCESS_STREAM_PROPERTIES[fdNumber];
  if (streamProperty !== void 0) {
    subprocess[streamProperty] = stream;
  }
  subprocess.stdio[fdNumber] = stream;
};
var SUBPROCESS_STREAM_PROPERTIES = ["stdin", "stdout", "stderr"];
var pipeStdioItem = ({ subprocess, stream, direction, fdNumber, pipeGroups, controller }) => {
  if (stream === void 0) {
    return;
  }
  setStandardStreamMaxListeners(stream, controller);
  const [inputStream, outputStream] = direction === "output" ? [stream, subprocess.stdio[fdNumber]] : [subprocess.stdio[fdNumber], stream];
  const outputStreams = pipeGroups.get(inputStream) ?? [];
  pipeGroups.set(inputStream, [...outputStreams, outputStream]);
};
var setStandardStreamMaxListeners = (stream, { signal }) => {
  if (isStandardStream(stream)) {
    incrementMaxListeners(stream, MAX_LISTENERS_INCREMENT, signal);
  }
};
var MAX_LISTENERS_INCREMENT = 2;

// node_modules/execa/lib/terminate/cleanup.js
import { addAbortListener as addAbortListener2 } from "node:events";

// node_modules/signal-exit/dist/mjs/signals.js
var signals = [];
signals.push("SIGHUP", "SIGINT", "SIGTERM");
if (process.platform !== "win32") {
  signals.push(
    "SIGALRM",
    "SIGABRT",
    "SIGVTALRM",
    "SIGXCPU",
    "SIGXFSZ",
    "SIGUSR2",
    "SIGTRAP",
    "SIGSYS",
    "SIGQUIT",
    "SIGIOT"
    // should detect profiler and enable/disable accordingly.
    // see #21
    // 'SIGPROF'
  );
}
if (process.platform === "linux") {
  signals.push("SIGIO", "SIGPOLL", "SIGPWR", "SIGSTKFLT");
}

// node_modules/signal-exit/dist/mjs/index.js
var processOk = (process10) => !!process10 && typeof process10 === "object" && typeof process10.removeListener === "function" && typeof process10.emit === "function" && typeof process10.reallyExit === "function" && typeof process10.listeners === "function" && typeof process10.kill === "function" && typeof process10.pid === "number" && typeof process10.on === "function";
var kExitEmitter = /* @__PURE__ */ Symbol.for("signal-exit emitter");
var global2 = globalThis;
var ObjectDefineProperty = Object.defineProperty.bind(Object);
var Emitter = class {
  emitted = {
    afterExit: false,
    exit: false
  };
  listeners = {
    afterExit: [],
    exit: []
  };
  count = 0;
  id = Math.random();
  constructor() {
    if (global2[kExitEmitter]) {
      return global2[kExitEmitter];
    }
    ObjectDefineProperty(global2, kExitEmitter, {
      value: this,
      writable: false,
      enumerable: false,
      configurable: false
    });
  }
  on(ev, fn) {
    this.listeners[ev].push(fn);
  }
  removeListener(ev, fn) {
    const list2 = this.listeners[ev];
    const i2 = list2.indexOf(fn);
    if (i2 === -1) {
      return;
    }
    if (i2 === 0 && list2.length === 1) {
      list2.length = 0;
    } else {
      list2.splice(i2, 1);
    }
  }
  emit(ev, code, signal) {
    if (this.emitted[ev]) {
      return false;
    }
    this.emitted[ev] = true;
    let ret = false;
    for (const fn of this.listeners[ev]) {
      ret = fn(code, signal) === true || ret;
    }
    if (ev === "exit") {
      ret = this.emit("afterExit", code, signal) || ret;
    }
    return ret;
  }
};
var SignalExitBase = class {
};
var signalExitWrap = (handler) => {
  return {
    onExit(cb, opts) {
      return handler.onExit(cb, opts);
    },
    load() {
      return handler.load();
    },
    unload() {
      return handler.unload();
    }
  };
};
var SignalExitFallback = class extends SignalExitBase {
  onExit() {
    return () => {
    };
  }
  load() {
  }
  unload() {
  }
};
var SignalExit = class extends SignalExitBase {
  // "SIGHUP" throws an `ENOSYS` error on Windows,
  // so use a supported signal instead
  /* c8 ignore start */
  #hupSig = process9.platform === "win32" ? "SIGINT" : "SIGHUP";
  /* c8 ignore stop */
  #emitter = new Emitter();
  #process;
  #originalProcessEmit;
  #originalProcessReallyExit;
  #sigListeners = {};
  #loaded = false;
  constructor(process10) {
    super();
    this.#process = process10;
    this.#sigListeners = {};
    for (const sig of signals) {
      this.#sigListeners[sig] = () => {
        const listeners = this.#process.listeners(sig);
        let { count: count2 } = this.#emitter;
        const p = process10;
        if (typeof p.__signal_exit_emitter__ === "object" && typeof p.__signal_exit_emitter__.count === "number") {
          count2 += p.__signal_exit_emitter__.count;
        }
        if (listeners.length === count2) {
          this.unload();
          const ret = this.#emitter.emit("exit", null, sig);
          const s = sig === "SIGHUP" ? this.#hupSig : sig;
          if (!ret)
            process10.kill(process10.pid, s);
        }
      };
    }
    this.#originalProcessReallyExit = process10.reallyExit;
    this.#originalProcessEmit = process10.emit;
  }
  onExit(cb, opts) {
    if (!processOk(this.#process)) {
      return () => {
      };
    }
    if (this.#loaded === false) {
      this.load();
    }
    const ev = opts?.alwaysLast ? "afterExit" : "exit";
    this.#emitter.on(ev, cb);
    return () => {
      this.#emitter.removeListener(ev, cb);
      if (this.#emitter.listeners["exit"].length === 0 && this.#emitter.listeners["afterExit"].length === 0) {
        this.unload();
      }
    };
  }
  load() {
    if (this.#loaded) {
      return;
    }
    this.#loaded = true;
    this.#emitter.count += 1;
    for (const sig of signals) {
      try {
        const fn = this.#sigListeners[sig];
        if (fn)
          this.#process.on(sig, fn);
      } catch (_) {
      }
    }
    this.#process.emit = (ev, ...a2) => {
      return this.#processEmit(ev, ...a2);
    };
    this.#process.reallyExit = (code) => {
      return this.#processReallyExit(code);
    };
  }
  unload() {
    if (!this.#loaded) {
      return;
    }
    this.#loaded = false;
    signals.forEach((sig) => {
      const listener = this.#sigListeners[sig];
      if (!listener) {
        throw new Error("Listener not defined for signal: " + sig);
      }
      try {
        this.#process.removeListener(sig, listener);
      } catch (_) {
      }
    });
    this.#process.emit = this.#originalProcessEmit;
    this.#process.reallyExit = this.#originalProcessReallyExit;
    this.#emitter.count -= 1;
  }
  #processReallyExit(code) {
    if (!processOk(this.#process)) {
      return 0;
    }
    this.#process.exitCode = code || 0;
    this.#emitter.emit("exit", this.#process.exitCode, null);
    return this.#originalProcessReallyExit.call(this.#process, this.#process.exitCode);
  }
  #processEmit(ev, ...args) {
    const og = this.#originalProcessEmit;
    if (ev === "exit" && processOk(this.#process)) {
      if (typeof args[0] === "number") {
        this.#process.exitCode = args[0];
      }
      const ret = og.call(this.#process, ev, ...args);
      this.#emitter.emit("exit", this.#process.exitCode, null);
      return ret;
    } else {
      return og.call(this.#process, ev, ...args);
    }
  }
};
var process9 = globalThis.process;
var {
  /**
   * Called when the process is exiting, whether via signal, explicit
   * exit, or running out of stuff to do.
   *
   * If the global process object is not suitable for instrumentation,
   * then this will be a no-op.
   *
   * Returns a function that may be used to unload signal-exit.
   */
  onExit,
  /**
   * Load the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  load,
  /**
   * Unload the listeners.  Likely you never need to call this, unless
   * doing a rather deep integration with signal-exit functionality.
   * Mostly exposed for the benefit of testing.
   *
   * @internal
   */
  unload
} = signalExitWrap(processOk(process9) ? new SignalExit(process9) : new SignalExitFallback());

// node_modules/execa/lib/terminate/cleanup.js
var cleanupOnExit = (subprocess, { cleanup, detached }, { signal }) => {
  if (!cleanup || detached) {
    return;
  }
  const removeExitHandler = onExit(() => {
    subprocess.kill();
  });
  addAbortListener2(signal, () => {
    removeExitHandler();
  });
};

// node_modules/execa/lib/pipe/pipe-arguments.js
var normalizePipeArguments = ({ source, sourcePromise, boundOptions, createNested }, ...pipeArguments) => {
  const startTime = getStartTime();
  const {
    destination,
    destinationStream,
    destinationError,
    from,
    unpipeSignal
  } = getDestinationStream(boundOptions, createNested, pipeArguments);
  const { sourceStream, sourceError } = getSourceStream(source, from);
  const { options: sourceOptions, fileDescriptors } = SUBPROCESS_OPTIONS.get(source);
  return {
    sourcePromise,
    sourceStream,
    sourceOptions,
    sourceError,
    destination,
    destinationStream,
    destinationError,
    unpipeSignal,
    fileDescriptors,
    startTime
  };
};
var getDestinationStream = (boundOptions, createNested, pipeArguments) => {
  try {
    const {
      destination,
      pipeOptions: { from, to, unpipeSignal } = {}
    } = getDestination(boundOptions, createNested, ...pipeArguments);
    const destinationStream = getToStream(destination, to);
    return {
      destination,
      destinationStream,
      from,
      unpipeSignal
    };
  } catch (error) {
    return { destinationError: error };
  }
};
var getDestination = (boundOptions, createNested, firstArgument, ...pipeArguments) => {
  if (Array.isArray(firstArgument)) {
    const destination = createNested(mapDestinationArguments, boundOptions)(firstArgument, ...pipeArguments);
    return { destination, pipeOptions: boundOptions };
  }
  if (typeof firstArgument === "string" || firstArgument instanceof URL || isDenoExecPath(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError('Please use .pipe("file", ..., options) or .pipe(execa("file", ..., options)) instead of .pipe(options)("file", ...).');
    }
    const [rawFile, rawArguments, rawOptions] = normalizeParameters(firstArgument, ...pipeArguments);
    const destination = createNested(mapDestinationArguments)(rawFile, rawArguments, rawOptions);
    return { destination, pipeOptions: rawOptions };
  }
  if (SUBPROCESS_OPTIONS.has(firstArgument)) {
    if (Object.keys(boundOptions).length > 0) {
      throw new TypeError("Please use .pipe(options)`command` or .pipe($(options)`command`) instead of .pipe(options)($`command`).");
    }
    return { destination: firstArgument, pipeOptions: pipeArguments[0] };
  }
  throw new TypeError(`The first argument must be a template string, an options object, or an Execa subprocess: ${firstArgument}`);
};
var mapDestinationArguments = ({ options }) => ({ options: { ...options, stdin: "pipe", piped: true } });
var getSourceStream = (source, from) => {
  try {
    const sourceStream = getFromStream(source, from);
    return { sourceStream };
  } catch (error) {
    return { sourceError: error };
  }
};

// node_modules/execa/lib/pipe/throw.js
var handlePipeArgumentsError = ({
  sourceStream,
  sourceError,
  destinationStream,
  destinationError,
  fileDescriptors,
  sourceOptions,
  startTime
}) => {
  const error = getPipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError
  });
  if (error !== void 0) {
    throw createNonCommandError({
      error,
      fileDescriptors,
      sourceOptions,
      startTime
    });
  }
};
var getPipeArgumentsError = ({ sourceStream, sourceError, destinationStream, destinationError }) => {
  if (sourceError !== void 0 && destinationError !== void 0) {
    return destinationError;
  }
  if (destinationError !== void 0) {
    abortSourceStream(sourceStream);
    return destinationError;
  }
  if (sourceError !== void 0) {
    endDestinationStream(destinationStream);
    return sourceError;
  }
};
var createNonCommandError = ({ error, fileDescriptors, sourceOptions, startTime }) => makeEarlyError({
  error,
  command: PIPE_COMMAND_MESSAGE,
  escapedCommand: PIPE_COMMAND_MESSAGE,
  fileDescriptors,
  options: sourceOptions,
  startTime,
  isSync: false
});
var PIPE_COMMAND_MESSAGE = "source.pipe(destination)";

// node_modules/execa/lib/pipe/sequence.js
var waitForBothSubprocesses = async (subprocessPromises) => {
  const [
    { status: sourceStatus, reason: sourceReason, value: sourceResult = sourceReason },
    { status: destinationStatus, reason: destinationReason, value: destinationResult = destinationReason }
  ] = await subprocessPromises;
  if (!destinationResult.pipedFrom.includes(sourceResult)) {
    destinationResult.pipedFrom.push(sourceResult);
  }
  if (destinationStatus === "rejected") {
    throw destinationResult;
  }
  if (sourceStatus === "rejected") {
    throw sourceResult;
  }
  return destinationResult;
};

// node_modules/execa/lib/pipe/streaming.js
import { finished as finished4 } from "node:stream/promises";
var pipeSubprocessStream = (sourceStream, destinationStream, maxListenersController) => {
  const mergedStream = MERGED_STREAMS.has(destinationStream) ? pipeMoreSubprocessStream(sourceStream, destinationStream) : pipeFirstSubprocessStream(sourceStream, destinationStream);
  incrementMaxListeners(sourceStream, SOURCE_LISTENERS_PER_PIPE, maxListenersController.signal);
  incrementMaxListeners(destinationStream, DESTINATION_LISTENERS_PER_PIPE, maxListenersController.signal);
  cleanupMergedStreamsMap(destinationStream);
  return mergedStream;
};
var pipeFirstSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = mergeStreams([sourceStream]);
  pipeStreams(mergedStream, destinationStream);
  MERGED_STREAMS.set(destinationStream, mergedStream);
  return mergedStream;
};
var pipeMoreSubprocessStream = (sourceStream, destinationStream) => {
  const mergedStream = MERGED_STREAMS.get(destinationStream);
  mergedStream.add(sourceStream);
  return mergedStream;
};
var cleanupMergedStreamsMap = async (destinationStream) => {
  try {
    await finished4(destinationStream, { cleanup: true, readable: false, writable: true });
  } catch {
  }
  MERGED_STREAMS.delete(destinationStream);
};
var MERGED_STREAMS = /* @__PURE__ */ new WeakMap();
var SOURCE_LISTENERS_PER_PIPE = 2;
var DESTINATION_LISTENERS_PER_PIPE = 1;

// node_modules/execa/lib/pipe/abort.js
import { aborted } from "node:util";
var unpipeOnAbort = (unpipeSignal, unpipeContext) => unpipeSignal === void 0 ? [] : [unpipeOnSignalAbort(unpipeSignal, unpipeContext)];
var unpipeOnSignalAbort = async (unpipeSignal, { sourceStream, mergedStream, fileDescriptors, sourceOptions, startTime }) => {
  await aborted(unpipeSignal, sourceStream);
  await mergedStream.remove(sourceStream);
  const error = new Error("Pipe canceled by `unpipeSignal` option.");
  throw createNonCommandError({
    error,
    fileDescriptors,
    sourceOptions,
    startTime
  });
};

// node_modules/execa/lib/pipe/setup.js
var pipeToSubprocess = (sourceInfo, ...pipeArguments) => {
  if (isPlainObject(pipeArguments[0])) {
    return pipeToSubprocess.bind(void 0, {
      ...sourceInfo,
      boundOptions: { ...sourceInfo.boundOptions, ...pipeArguments[0] }
    });
  }
  const { destination, ...normalizedInfo } = normalizePipeArguments(sourceInfo, ...pipeArguments);
  const promise = handlePipePromise({ ...normalizedInfo, destination });
  promise.pipe = pipeToSubprocess.bind(void 0, {
    ...sourceInfo,
    source: destination,
    sourcePromise: promise,
    boundOptions: {}
  });
  return promise;
};
var handlePipePromise = async ({
  sourcePromise,
  sourceStream,
  sourceOptions,
  sourceError,
  destination,
  destinationStream,
  destinationError,
  unpipeSignal,
  fileDescriptors,
  startTime
}) => {
  const subprocessPromises = getSubprocessPromises(sourcePromise, destination);
  handlePipeArgumentsError({
    sourceStream,
    sourceError,
    destinationStream,
    destinationError,
    fileDescriptors,
    sourceOptions,
    startTime
  });
  const maxListenersController = new AbortController();
  try {
    const mergedStream = pipeSubprocessStream(sourceStream, destinationStream, maxListenersController);
    return await Promise.race([
      waitForBothSubprocesses(subprocessPromises),
      ...unpipeOnAbort(unpipeSignal, {
        sourceStream,
        mergedStream,
        sourceOptions,
        fileDescriptors,
        startTime
      })
    ]);
  } finally {
    maxListenersController.abort();
  }
};
var getSubprocessPromises = (sourcePromise, destination) => Promise.allSettled([sourcePromise, destination]);

// node_modules/execa/lib/io/contents.js
import { setImmediate } from "node:timers/promises";

// node_modules/execa/lib/io/iterate.js
import { on as on5 } from "node:events";
import { getDefaultHighWaterMark as getDefaultHighWaterMark3 } from "node:stream";
var iterateOnSubprocessStream = ({ subprocessStdout, subprocess, binary, shouldEncode, encoding, preserveNewlines }) => {
  const controller = new AbortController();
  stopReadingOnExit(subprocess, controller);
  return iterateOnStream({
    stream: subprocessStdout,
    controller,
    binary,
    shouldEncode: !subprocessStdout.readableObjectMode && shouldEncode,
    encoding,
    shouldSplit: !subprocessStdout.readableObjectMode,
    preserveNewlines
  });
};
var stopReadingOnExit = async (subprocess, controller) => {
  try {
    await subprocess;
  } catch {
  } finally {
    controller.abort();
  }
};
var iterateForResult = ({ stream, onStreamEnd, lines, encoding, stripFinalNewline: stripFinalNewline2, allMixed }) => {
  const controller = new AbortController();
  stopReadingOnStreamEnd(onStreamEnd, controller, stream);
  const objectMode = stream.readableObjectMode && !allMixed;
  return iterateOnStream({
    stream,
    controller,
    binary: encoding === "buffer",
    shouldEncode: !objectMode,
    encoding,
    shouldSplit: !objectMode && lines,
    preserveNewlines: !stripFinalNewline2
  });
};
var stopReadingOnStreamEnd = async (onStreamEnd, controller, stream) => {
  try {
    await onStreamEnd;
  } catch {
    stream.destroy();
  } finally {
    controller.abort();
  }
};
var iterateOnStream = ({ stream, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => {
  const onStdoutChunk = on5(stream, "data", {
    signal: controller.signal,
    highWaterMark: HIGH_WATER_MARK,
    // Backward compatibility with older name for this option
    // See https://github.com/nodejs/node/pull/52080#discussion_r1525227861
    // @todo Remove after removing support for Node 21
    highWatermark: HIGH_WATER_MARK
  });
  return iterateOnData({
    onStdoutChunk,
    controller,
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
};
var DEFAULT_OBJECT_HIGH_WATER_MARK = getDefaultHighWaterMark3(true);
var HIGH_WATER_MARK = DEFAULT_OBJECT_HIGH_WATER_MARK;
var iterateOnData = async function* ({ onStdoutChunk, controller, binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) {
  const generators = getGenerators({
    binary,
    shouldEncode,
    encoding,
    shouldSplit,
    preserveNewlines
  });
  try {
    for await (const [chunk] of onStdoutChunk) {
      yield* transformChunkSync(chunk, generators, 0);
    }
  } catch (error) {
    if (!controller.signal.aborted) {
      throw error;
    }
  } finally {
    yield* finalChunksSync(generators);
  }
};
var getGenerators = ({ binary, shouldEncode, encoding, shouldSplit, preserveNewlines }) => [
  getEncodingTransformGenerator(binary, encoding, !shouldEncode),
  getSplitLinesGenerator(binary, preserveNewlines, !shouldSplit, {})
].filter(Boolean);

// node_modules/execa/lib/io/contents.js
var getStreamOutput = async ({ stream, onStreamEnd, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  const logPromise = logOutputAsync({
    stream,
    onStreamEnd,
    fdNumber,
    encoding,
    allMixed,
    verboseInfo,
    streamInfo
  });
  if (!buffer) {
    await Promise.all([resumeStream(stream), logPromise]);
    return;
  }
  const stripFinalNewlineValue = getStripFinalNewline(stripFinalNewline2, fdNumber);
  const iterable = iterateForResult({
    stream,
    onStreamEnd,
    lines,
    encoding,
    stripFinalNewline: stripFinalNewlineValue,
    allMixed
  });
  const [output] = await Promise.all([
    getStreamContents2({
      stream,
      iterable,
      fdNumber,
      encoding,
      maxBuffer,
      lines
    }),
    logPromise
  ]);
  return output;
};
var logOutputAsync = async ({ stream, onStreamEnd, fdNumber, encoding, allMixed, verboseInfo, streamInfo: { fileDescriptors } }) => {
  if (!shouldLogOutput({
    stdioItems: fileDescriptors[fdNumber]?.stdioItems,
    encoding,
    verboseInfo,
    fdNumber
  })) {
    return;
  }
  const linesIterable = iterateForResult({
    stream,
    onStreamEnd,
    lines: true,
    encoding,
    stripFinalNewline: true,
    allMixed
  });
  await logLines(linesIterable, stream, fdNumber, verboseInfo);
};
var resumeStream = async (stream) => {
  await setImmediate();
  if (stream.readableFlowing === null) {
    stream.resume();
  }
};
var getStreamContents2 = async ({ stream, stream: { readableObjectMode }, iterable, fdNumber, encoding, maxBuffer, lines }) => {
  try {
    if (readableObjectMode || lines) {
      return await getStreamAsArray(iterable, { maxBuffer });
    }
    if (encoding === "buffer") {
      return new Uint8Array(await getStreamAsArrayBuffer(iterable, { maxBuffer }));
    }
    return await getStreamAsString(iterable, { maxBuffer });
  } catch (error) {
    return handleBufferedData(handleMaxBuffer({
      error,
      stream,
      readableObjectMode,
      lines,
      encoding,
      fdNumber
    }));
  }
};
var getBufferedData = async (streamPromise) => {
  try {
    return await streamPromise;
  } catch (error) {
    return handleBufferedData(error);
  }
};
var handleBufferedData = ({ bufferedData }) => isArrayBuffer(bufferedData) ? new Uint8Array(bufferedData) : bufferedData;

// node_modules/execa/lib/resolve/wait-stream.js
import { finished as finished5 } from "node:stream/promises";
var waitForStream = async (stream, fdNumber, streamInfo, { isSameDirection, stopOnExit = false } = {}) => {
  const state = handleStdinDestroy(stream, streamInfo);
  const abortController = new AbortController();
  try {
    await Promise.race([
      ...stopOnExit ? [streamInfo.exitPromise] : [],
      finished5(stream, { cleanup: true, signal: abortController.signal })
    ]);
  } catch (error) {
    if (!state.stdinCleanedUp) {
      handleStreamError(error, fdNumber, streamInfo, isSameDirection);
    }
  } finally {
    abortController.abort();
  }
};
var handleStdinDestroy = (stream, { originalStreams: [originalStdin], subprocess }) => {
  const state = { stdinCleanedUp: false };
  if (stream === originalStdin) {
    spyOnStdinDestroy(stream, subprocess, state);
  }
  return state;
};
var spyOnStdinDestroy = (subprocessStdin, subprocess, state) => {
  const { _destroy } = subprocessStdin;
  subprocessStdin._destroy = (...destroyArguments) => {
    setStdinCleanedUp(subprocess, state);
    _destroy.call(subprocessStdin, ...destroyArguments);
  };
};
var setStdinCleanedUp = ({ exitCode, signalCode }, state) => {
  if (exitCode !== null || signalCode !== null) {
    state.stdinCleanedUp = true;
  }
};
var handleStreamError = (error, fdNumber, streamInfo, isSameDirection) => {
  if (!shouldIgnoreStreamError(error, fdNumber, streamInfo, isSameDirection)) {
    throw error;
  }
};
var shouldIgnoreStreamError = (error, fdNumber, streamInfo, isSameDirection = true) => {
  if (streamInfo.propagating) {
    return isStreamEpipe(error) || isStreamAbort(error);
  }
  streamInfo.propagating = true;
  return isInputFileDescriptor(streamInfo, fdNumber) === isSameDirection ? isStreamEpipe(error) : isStreamAbort(error);
};
var isInputFileDescriptor = ({ fileDescriptors }, fdNumber) => fdNumber !== "all" && fileDescriptors[fdNumber].direction === "input";
var isStreamAbort = (error) => error?.code === "ERR_STREAM_PREMATURE_CLOSE";
var isStreamEpipe = (error) => error?.code === "EPIPE";

// node_modules/execa/lib/resolve/stdio.js
var waitForStdioStreams = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => subprocess.stdio.map((stream, fdNumber) => waitForSubprocessStream({
  stream,
  fdNumber,
  encoding,
  buffer: buffer[fdNumber],
  maxBuffer: maxBuffer[fdNumber],
  lines: lines[fdNumber],
  allMixed: false,
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
}));
var waitForSubprocessStream = async ({ stream, fdNumber, encoding, buffer, maxBuffer, lines, allMixed, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => {
  if (!stream) {
    return;
  }
  const onStreamEnd = waitForStream(stream, fdNumber, streamInfo);
  if (isInputFileDescriptor(streamInfo, fdNumber)) {
    await onStreamEnd;
    return;
  }
  const [output] = await Promise.all([
    getStreamOutput({
      stream,
      onStreamEnd,
      fdNumber,
      encoding,
      buffer,
      maxBuffer,
      lines,
      allMixed,
      stripFinalNewline: stripFinalNewline2,
      verboseInfo,
      streamInfo
    }),
    onStreamEnd
  ]);
  return output;
};

// node_modules/execa/lib/resolve/all-async.js
var makeAllStream = ({ stdout, stderr }, { all }) => all && (stdout || stderr) ? mergeStreams([stdout, stderr].filter(Boolean)) : void 0;
var waitForAllStream = ({ subprocess, encoding, buffer, maxBuffer, lines, stripFinalNewline: stripFinalNewline2, verboseInfo, streamInfo }) => waitForSubprocessStream({
  ...getAllStream(subprocess, buffer),
  fdNumber: "all",
  encoding,
  maxBuffer: maxBuffer[1] + maxBuffer[2],
  lines: lines[1] || lines[2],
  allMixed: getAllMixed(subprocess),
  stripFinalNewline: stripFinalNewline2,
  verboseInfo,
  streamInfo
});
var getAllStream = ({ stdout, stderr, all }, [, bufferStdout, bufferStderr]) => {
  const buffer = bufferStdout || bufferStderr;
  if (!buffer) {
    return { stream: all, buffer };
  }
  if (!bufferStdout) {
    return { stream: stderr, buffer };
  }
  if (!bufferStderr) {
    return { stream: stdout, buffer };
  }
  return { stream: all, buffer };
};
var getAllMixed = ({ all, stdout, stderr }) => all && stdout && stderr && stdout.readableObjectMode !== stderr.readableObjectMode;

// node_modules/execa/lib/resolve/wait-subprocess.js
import { once as once8 } from "node:events";

// node_modules/execa/lib/verbose/ipc.js
var shouldLogIpc = (verboseInfo) => isFullVerbose(verboseInfo, "ipc");
var logIpcOutput = (message, verboseInfo) => {
  const verboseMessage = serializeVerboseMessage(message);
  verboseLog({
    type: "ipc",
    verboseMessage,
    fdNumber: "ipc",
    verboseInfo
  });
};

// node_modules/execa/lib/ipc/buffer-messages.js
var waitForIpcOutput = async ({
  subprocess,
  buffer: bufferArray,
  maxBuffer: maxBufferArray,
  ipc,
  ipcOutput,
  verboseInfo
}) => {
  if (!ipc) {
    return ipcOutput;
  }
  const isVerbose2 = shouldLogIpc(verboseInfo);
  const buffer = getFdSpecificValue(bufferArray, "ipc");
  const maxBuffer = getFdSpecificValue(maxBufferArray, "ipc");
  for await (const message of loopOnMessages({
    anyProcess: subprocess,
    channel: subprocess.channel,
    isSubprocess: false,
    ipc,
    shouldAwait: false,
    reference: true
  })) {
    if (buffer) {
      checkIpcMaxBuffer(subprocess, ipcOutput, maxBuffer);
      ipcOutput.push(message);
    }
    if (isVerbose2) {
      logIpcOutput(message, verboseInfo);
    }
  }
  return ipcOutput;
};
var getBufferedIpcOutput = async (ipcOutputPromise, ipcOutput) => {
  await Promise.allSettled([ipcOutputPromise]);
  return ipcOutput;
};

// node_modules/execa/lib/resolve/wait-subprocess.js
var waitForSubprocessResult = async ({
  subprocess,
  options: {
    encoding,
    buffer,
    maxBuffer,
    lines,
    timeoutDuration: timeout,
    cancelSignal,
    gracefulCancel,
    forceKillAfterDelay,
    stripFinalNewline: stripFinalNewline2,
    ipc,
    ipcInput
  },
  context,
  verboseInfo,
  fileDescriptors,
  originalStreams,
  onInternalError,
  controller
}) => {
  const exitPromise = waitForExit(subprocess, context);
  const streamInfo = {
    originalStreams,
    fileDescriptors,
    subprocess,
    exitPromise,
    propagating: false
  };
  const stdioPromises = waitForStdioStreams({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const allPromise = waitForAllStream({
    subprocess,
    encoding,
    buffer,
    maxBuffer,
    lines,
    stripFinalNewline: stripFinalNewline2,
    verboseInfo,
    streamInfo
  });
  const ipcOutput = [];
  const ipcOutputPromise = waitForIpcOutput({
    subprocess,
    buffer,
    maxBuffer,
    ipc,
    ipcOutput,
    verboseInfo
  });
  const originalPromises = waitForOriginalStreams(originalStreams, subprocess, streamInfo);
  const customStreamsEndPromises = waitForCustomStreamsEnd(fileDescriptors, streamInfo);
  try {
    return await Promise.race([
      Promise.all([
        {},
        waitForSuccessfulExit(exitPromise),
        Promise.all(stdioPromises),
        allPromise,
        ipcOutputPromise,
        sendIpcInput(subprocess, ipcInput),
        ...originalPromises,
        ...customStreamsEndPromises
      ]),
      onInternalError,
      throwOnSubprocessError(subprocess, controller),
      ...throwOnTimeout(subprocess, timeout, context, controller),
      ...throwOnCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        context,
        controller
      }),
      ...throwOnGracefulCancel({
        subprocess,
        cancelSignal,
        gracefulCancel,
        forceKillAfterDelay,
        context,
        controller
      })
    ]);
  } catch (error) {
    context.terminationReason ??= "other";
    return Promise.all([
      { error },
      exitPromise,
      Promise.all(stdioPromises.map((stdioPromise) => getBufferedData(stdioPromise))),
      getBufferedData(allPromise),
      getBufferedIpcOutput(ipcOutputPromise, ipcOutput),
      Promise.allSettled(originalPromises),
      Promise.allSettled(customStreamsEndPromises)
    ]);
  }
};
var waitForOriginalStreams = (originalStreams, subprocess, streamInfo) => originalStreams.map((stream, fdNumber) => stream === subprocess.stdio[fdNumber] ? void 0 : waitForStream(stream, fdNumber, streamInfo));
var waitForCustomStreamsEnd = (fileDescriptors, streamInfo) => fileDescriptors.flatMap(({ stdioItems }, fdNumber) => stdioItems.filter(({ value, stream = value }) => isStream2(stream, { checkOpen: false }) && !isStandardStream(stream)).map(({ type, value, stream = value }) => waitForStream(stream, fdNumber, streamInfo, {
  isSameDirection: TRANSFORM_TYPES.has(type),
  stopOnExit: type === "native"
})));
var throwOnSubprocessError = async (subprocess, { signal }) => {
  const [error] = await once8(subprocess, "error", { signal });
  throw error;
};

// node_modules/execa/lib/convert/concurrent.js
var initializeConcurrentStreams = () => ({
  readableDestroy: /* @__PURE__ */ new WeakMap(),
  writableFinal: /* @__PURE__ */ new WeakMap(),
  writableDestroy: /* @__PURE__ */ new WeakMap()
});
var addConcurrentStream = (concurrentStreams, stream, waitName) => {
  const weakMap = concurrentStreams[waitName];
  if (!weakMap.has(stream)) {
    weakMap.set(stream, []);
  }
  const promises = weakMap.get(stream);
  const promise = createDeferred();
  promises.push(promise);
  const resolve12 = promise.resolve.bind(promise);
  return { resolve: resolve12, promises };
};
var waitForConcurrentStreams = async ({ resolve: resolve12, promises }, subprocess) => {
  resolve12();
  const [isSubprocessExit] = await Promise.race([
    Promise.allSettled([true, subprocess]),
    Promise.all([false, ...promises])
  ]);
  return !isSubprocessExit;
};

// node_modules/execa/lib/convert/readable.js
import { Readable as Readable3 } from "node:stream";
import { callbackify as callbackify2 } from "node:util";

// node_modules/execa/lib/convert/shared.js
import { finished as finished6 } from "node:stream/promises";
var safeWaitForSubprocessStdin = async (subprocessStdin) => {
  if (subprocessStdin === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdin(subprocessStdin);
  } catch {
  }
};
var safeWaitForSubprocessStdout = async (subprocessStdout) => {
  if (subprocessStdout === void 0) {
    return;
  }
  try {
    await waitForSubprocessStdout(subprocessStdout);
  } catch {
  }
};
var waitForSubprocessStdin = async (subprocessStdin) => {
  await finished6(subprocessStdin, { cleanup: true, readable: false, writable: true });
};
var waitForSubprocessStdout = async (subprocessStdout) => {
  await finished6(subprocessStdout, { cleanup: true, readable: true, writable: false });
};
var waitForSubprocess = async (subprocess, error) => {
  await subprocess;
  if (error) {
    throw error;
  }
};
var destroyOtherStream = (stream, isOpen, error) => {
  if (error && !isStreamAbort(error)) {
    stream.destroy(error);
  } else if (isOpen) {
    stream.destroy();
  }
};

// node_modules/execa/lib/convert/readable.js
var createReadable = ({ subprocess, concurrentStreams, encoding }, { from, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const readable2 = new Readable3({
    read,
    destroy: callbackify2(onReadableDestroy.bind(void 0, { subprocessStdout, subprocess, waitReadableDestroy })),
    highWaterMark: readableHighWaterMark,
    objectMode: readableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: readable2,
    subprocess
  });
  return readable2;
};
var getSubprocessStdout = (subprocess, from, concurrentStreams) => {
  const subprocessStdout = getFromStream(subprocess, from);
  const waitReadableDestroy = addConcurrentStream(concurrentStreams, subprocessStdout, "readableDestroy");
  return { subprocessStdout, waitReadableDestroy };
};
var getReadableOptions = ({ readableEncoding, readableObjectMode, readableHighWaterMark }, binary) => binary ? { readableEncoding, readableObjectMode, readableHighWaterMark } : { readableEncoding, readableObjectMode: true, readableHighWaterMark: DEFAULT_OBJECT_HIGH_WATER_MARK };
var getReadableMethods = ({ subprocessStdout, subprocess, binary, encoding, preserveNewlines }) => {
  const onStdoutDataDone = createDeferred();
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: !binary,
    encoding,
    preserveNewlines
  });
  return {
    read() {
      onRead(this, onStdoutData, onStdoutDataDone);
    },
    onStdoutDataDone
  };
};
var onRead = async (readable2, onStdoutData, onStdoutDataDone) => {
  try {
    const { value, done } = await onStdoutData.next();
    if (done) {
      onStdoutDataDone.resolve();
    } else {
      readable2.push(value);
    }
  } catch {
  }
};
var onStdoutFinished = async ({ subprocessStdout, onStdoutDataDone, readable: readable2, subprocess, subprocessStdin }) => {
  try {
    await waitForSubprocessStdout(subprocessStdout);
    await subprocess;
    await safeWaitForSubprocessStdin(subprocessStdin);
    await onStdoutDataDone;
    if (readable2.readable) {
      readable2.push(null);
    }
  } catch (error) {
    await safeWaitForSubprocessStdin(subprocessStdin);
    destroyOtherReadable(readable2, error);
  }
};
var onReadableDestroy = async ({ subprocessStdout, subprocess, waitReadableDestroy }, error) => {
  if (await waitForConcurrentStreams(waitReadableDestroy, subprocess)) {
    destroyOtherReadable(subprocessStdout, error);
    await waitForSubprocess(subprocess, error);
  }
};
var destroyOtherReadable = (stream, error) => {
  destroyOtherStream(stream, stream.readable, error);
};

// node_modules/execa/lib/convert/writable.js
import { Writable as Writable3 } from "node:stream";
import { callbackify as callbackify3 } from "node:util";
var createWritable = ({ subprocess, concurrentStreams }, { to } = {}) => {
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const writable2 = new Writable3({
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify3(onWritableDestroy.bind(void 0, {
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    })),
    highWaterMark: subprocessStdin.writableHighWaterMark,
    objectMode: subprocessStdin.writableObjectMode
  });
  onStdinFinished(subprocessStdin, writable2);
  return writable2;
};
var getSubprocessStdin = (subprocess, to, concurrentStreams) => {
  const subprocessStdin = getToStream(subprocess, to);
  const waitWritableFinal = addConcurrentStream(concurrentStreams, subprocessStdin, "writableFinal");
  const waitWritableDestroy = addConcurrentStream(concurrentStreams, subprocessStdin, "writableDestroy");
  return { subprocessStdin, waitWritableFinal, waitWritableDestroy };
};
var getWritableMethods = (subprocessStdin, subprocess, waitWritableFinal) => ({
  write: onWrite.bind(void 0, subprocessStdin),
  final: callbackify3(onWritableFinal.bind(void 0, subprocessStdin, subprocess, waitWritableFinal))
});
var onWrite = (subprocessStdin, chunk, encoding, done) => {
  if (subprocessStdin.write(chunk, encoding)) {
    done();
  } else {
    subprocessStdin.once("drain", done);
  }
};
var onWritableFinal = async (subprocessStdin, subprocess, waitWritableFinal) => {
  if (await waitForConcurrentStreams(waitWritableFinal, subprocess)) {
    if (subprocessStdin.writable) {
      subprocessStdin.end();
    }
    await subprocess;
  }
};
var onStdinFinished = async (subprocessStdin, writable2, subprocessStdout) => {
  try {
    await waitForSubprocessStdin(subprocessStdin);
    if (writable2.writable) {
      writable2.end();
    }
  } catch (error) {
    await safeWaitForSubprocessStdout(subprocessStdout);
    destroyOtherWritable(writable2, error);
  }
};
var onWritableDestroy = async ({ subprocessStdin, subprocess, waitWritableFinal, waitWritableDestroy }, error) => {
  await waitForConcurrentStreams(waitWritableFinal, subprocess);
  if (await waitForConcurrentStreams(waitWritableDestroy, subprocess)) {
    destroyOtherWritable(subprocessStdin, error);
    await waitForSubprocess(subprocess, error);
  }
};
var destroyOtherWritable = (stream, error) => {
  destroyOtherStream(stream, stream.writable, error);
};

// node_modules/execa/lib/convert/duplex.js
import { Duplex as Duplex3 } from "node:stream";
import { callbackify as callbackify4 } from "node:util";
var createDuplex = ({ subprocess, concurrentStreams, encoding }, { from, to, binary: binaryOption = true, preserveNewlines = true } = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const { subprocessStdout, waitReadableDestroy } = getSubprocessStdout(subprocess, from, concurrentStreams);
  const { subprocessStdin, waitWritableFinal, waitWritableDestroy } = getSubprocessStdin(subprocess, to, concurrentStreams);
  const { readableEncoding, readableObjectMode, readableHighWaterMark } = getReadableOptions(subprocessStdout, binary);
  const { read, onStdoutDataDone } = getReadableMethods({
    subprocessStdout,
    subprocess,
    binary,
    encoding,
    preserveNewlines
  });
  const duplex2 = new Duplex3({
    read,
    ...getWritableMethods(subprocessStdin, subprocess, waitWritableFinal),
    destroy: callbackify4(onDuplexDestroy.bind(void 0, {
      subprocessStdout,
      subprocessStdin,
      subprocess,
      waitReadableDestroy,
      waitWritableFinal,
      waitWritableDestroy
    })),
    readableHighWaterMark,
    writableHighWaterMark: subprocessStdin.writableHighWaterMark,
    readableObjectMode,
    writableObjectMode: subprocessStdin.writableObjectMode,
    encoding: readableEncoding
  });
  onStdoutFinished({
    subprocessStdout,
    onStdoutDataDone,
    readable: duplex2,
    subprocess,
    subprocessStdin
  });
  onStdinFinished(subprocessStdin, duplex2, subprocessStdout);
  return duplex2;
};
var onDuplexDestroy = async ({ subprocessStdout, subprocessStdin, subprocess, waitReadableDestroy, waitWritableFinal, waitWritableDestroy }, error) => {
  await Promise.all([
    onReadableDestroy({ subprocessStdout, subprocess, waitReadableDestroy }, error),
    onWritableDestroy({
      subprocessStdin,
      subprocess,
      waitWritableFinal,
      waitWritableDestroy
    }, error)
  ]);
};

// node_modules/execa/lib/convert/iterable.js
var createIterable = (subprocess, encoding, {
  from,
  binary: binaryOption = false,
  preserveNewlines = false
} = {}) => {
  const binary = binaryOption || BINARY_ENCODINGS.has(encoding);
  const subprocessStdout = getFromStream(subprocess, from);
  const onStdoutData = iterateOnSubprocessStream({
    subprocessStdout,
    subprocess,
    binary,
    shouldEncode: true,
    encoding,
    preserveNewlines
  });
  return iterateOnStdoutData(onStdoutData, subprocessStdout, subprocess);
};
var iterateOnStdoutData = async function* (onStdoutData, subprocessStdout, subprocess) {
  try {
    yield* onStdoutData;
  } finally {
    if (subprocessStdout.readable) {
      subprocessStdout.destroy();
    }
    await subprocess;
  }
};

// node_modules/execa/lib/convert/add.js
var addConvertedStreams = (subprocess, { encoding }) => {
  const concurrentStreams = initializeConcurrentStreams();
  subprocess.readable = createReadable.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.writable = createWritable.bind(void 0, { subprocess, concurrentStreams });
  subprocess.duplex = createDuplex.bind(void 0, { subprocess, concurrentStreams, encoding });
  subprocess.iterable = createIterable.bind(void 0, subprocess, encoding);
  subprocess[Symbol.asyncIterator] = createIterable.bind(void 0, subprocess, encoding, {});
};

// node_modules/execa/lib/methods/promise.js
var mergePromise = (subprocess, promise) => {
  for (const [property, descriptor] of descriptors) {
    const value = descriptor.value.bind(promise);
    Reflect.defineProperty(subprocess, property, { ...descriptor, value });
  }
};
var nativePromisePrototype = (async () => {
})().constructor.prototype;
var descriptors = ["then", "catch", "finally"].map((property) => [
  property,
  Reflect.getOwnPropertyDescriptor(nativePromisePrototype, property)
]);

// node_modules/execa/lib/methods/main-async.js
var execaCoreAsync = (rawFile, rawArguments, rawOptions, createNested) => {
  const { file, commandArguments, command, escapedCommand, startTime, verboseInfo, options, fileDescriptors } = handleAsyncArguments(rawFile, rawArguments, rawOptions);
  const { subprocess, promise } = spawnSubprocessAsync({
    file,
    commandArguments,
    options,
    startTime,
    verboseInfo,
    command,
    escapedCommand,
    fileDescriptors
  });
  subprocess.pipe = pipeToSubprocess.bind(void 0, {
    source: subprocess,
    sourcePromise: promise,
    boundOptions: {},
    createNested
  });
  mergePromise(subprocess, promise);
  SUBPROCESS_OPTIONS.set(subprocess, { options, fileDescriptors });
  return subprocess;
};
var handleAsyncArguments = (rawFile, rawArguments, rawOptions) => {
  const { command, escapedCommand, startTime, verboseInfo } = handleCommand(rawFile, rawArguments, rawOptions);
  const { file, commandArguments, options: normalizedOptions } = normalizeOptions(rawFile, rawArguments, rawOptions);
  const options = handleAsyncOptions(normalizedOptions);
  const fileDescriptors = handleStdioAsync(options, verboseInfo);
  return {
    file,
    commandArguments,
    command,
    escapedCommand,
    startTime,
    verboseInfo,
    options,
    fileDescriptors
  };
};
var handleAsyncOptions = ({ timeout, signal, ...options }) => {
  if (signal !== void 0) {
    throw new TypeError('The "signal" option has been renamed to "cancelSignal" instead.');
  }
  return { ...options, timeoutDuration: timeout };
};
var spawnSubprocessAsync = ({ file, commandArguments, options, startTime, verboseInfo, command, escapedCommand, fileDescriptors }) => {
  let subprocess;
  try {
    subprocess = spawn(...concatenateShell(file, commandArguments, options));
  } catch (error) {
    return handleEarlyError({
      error,
      command,
      escapedCommand,
      fileDescriptors,
      options,
      startTime,
      verboseInfo
    });
  }
  const controller = new AbortController();
  setMaxListeners(Number.POSITIVE_INFINITY, controller.signal);
  const originalStreams = [...subprocess.stdio];
  pipeOutputAsync(subprocess, fileDescriptors, controller);
  cleanupOnExit(subprocess, options, controller);
  const context = {};
  const onInternalError = createDeferred();
  subprocess.kill = subprocessKill.bind(void 0, {
    kill: subprocess.kill.bind(subprocess),
    options,
    onInternalError,
    context,
    controller
  });
  subprocess.all = makeAllStream(subprocess, options);
  addConvertedStreams(subprocess, options);
  addIpcMethods(subprocess, options);
  const promise = handlePromise({
    subprocess,
    options,
    startTime,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    command,
    escapedCommand,
    context,
    onInternalError,
    controller
  });
  return { subprocess, promise };
};
var handlePromise = async ({ subprocess, options, startTime, verboseInfo, fileDescriptors, originalStreams, command, escapedCommand, context, onInternalError, controller }) => {
  const [
    errorInfo,
    [exitCode, signal],
    stdioResults,
    allResult,
    ipcOutput
  ] = await waitForSubprocessResult({
    subprocess,
    options,
    context,
    verboseInfo,
    fileDescriptors,
    originalStreams,
    onInternalError,
    controller
  });
  controller.abort();
  onInternalError.resolve();
  const stdio = stdioResults.map((stdioResult, fdNumber) => stripNewline(stdioResult, options, fdNumber));
  const all = stripNewline(allResult, options, "all");
  const result = getAsyncResult({
    errorInfo,
    exitCode,
    signal,
    stdio,
    all,
    ipcOutput,
    context,
    options,
    command,
    escapedCommand,
    startTime
  });
  return handleResult(result, verboseInfo, options);
};
var getAsyncResult = ({ errorInfo, exitCode, signal, stdio, all, ipcOutput, context, options, command, escapedCommand, startTime }) => "error" in errorInfo ? makeError({
  error: errorInfo.error,
  command,
  escapedCommand,
  timedOut: context.terminationReason === "timeout",
  isCanceled: context.terminationReason === "cancel" || context.terminationReason === "gracefulCancel",
  isGracefullyCanceled: context.terminationReason === "gracefulCancel",
  isMaxBuffer: errorInfo.error instanceof MaxBufferError,
  isForcefullyTerminated: context.isForcefullyTerminated,
  exitCode,
  signal,
  stdio,
  all,
  ipcOutput,
  options,
  startTime,
  isSync: false
}) : makeSuccessResult({
  command,
  escapedCommand,
  stdio,
  all,
  ipcOutput,
  options,
  startTime
});

// node_modules/execa/lib/methods/bind.js
var mergeOptions = (boundOptions, options) => {
  const newOptions = Object.fromEntries(
    Object.entries(options).map(([optionName, optionValue]) => [
      optionName,
      mergeOption(optionName, boundOptions[optionName], optionValue)
    ])
  );
  return { ...boundOptions, ...newOptions };
};
var mergeOption = (optionName, boundOptionValue, optionValue) => {
  if (DEEP_OPTIONS.has(optionName) && isPlainObject(boundOptionValue) && isPlainObject(optionValue)) {
    return { ...boundOptionValue, ...optionValue };
  }
  return optionValue;
};
var DEEP_OPTIONS = /* @__PURE__ */ new Set(["env", ...FD_SPECIFIC_OPTIONS]);

// node_modules/execa/lib/methods/create.js
var createExeca = (mapArguments, boundOptions, deepOptions, setBoundExeca) => {
  const createNested = (mapArguments2, boundOptions2, setBoundExeca2) => createExeca(mapArguments2, boundOptions2, deepOptions, setBoundExeca2);
  const boundExeca = (...execaArguments) => callBoundExeca({
    mapArguments,
    deepOptions,
    boundOptions,
    setBoundExeca,
    createNested
  }, ...execaArguments);
  if (setBoundExeca !== void 0) {
    setBoundExeca(boundExeca, createNested, boundOptions);
  }
  return boundExeca;
};
var callBoundExeca = ({ mapArguments, deepOptions = {}, boundOptions = {}, setBoundExeca, createNested }, firstArgument, ...nextArguments) => {
  if (isPlainObject(firstArgument)) {
    return createNested(mapArguments, mergeOptions(boundOptions, firstArgument), setBoundExeca);
  }
  const { file, commandArguments, options, isSync } = parseArguments({
    mapArguments,
    firstArgument,
    nextArguments,
    deepOptions,
    boundOptions
  });
  return isSync ? execaCoreSync(file, commandArguments, options) : execaCoreAsync(file, commandArguments, options, createNested);
};
var parseArguments = ({ mapArguments, firstArgument, nextArguments, deepOptions, boundOptions }) => {
  const callArguments = isTemplateString(firstArgument) ? parseTemplates(firstArgument, nextArguments) : [firstArgument, ...nextArguments];
  const [initialFile, initialArguments, initialOptions] = normalizeParameters(...callArguments);
  const mergedOptions = mergeOptions(mergeOptions(deepOptions, boundOptions), initialOptions);
  const {
    file = initialFile,
    commandArguments = initialArguments,
    options = mergedOptions,
    isSync = false
  } = mapArguments({ file: initialFile, commandArguments: initialArguments, options: mergedOptions });
  return {
    file,
    commandArguments,
    options,
    isSync
  };
};

// node_modules/execa/lib/methods/command.js
var mapCommandAsync = ({ file, commandArguments }) => parseCommand(file, commandArguments);
var mapCommandSync = ({ file, commandArguments }) => ({ ...parseCommand(file, commandArguments), isSync: true });
var parseCommand = (command, unusedArguments) => {
  if (unusedArguments.length > 0) {
    throw new TypeError(`The command and its arguments must be passed as a single string: ${command} ${unusedArguments}.`);
  }
  const [file, ...commandArguments] = parseCommandString(command);
  return { file, commandArguments };
};
var parseCommandString = (command) => {
  if (typeof command !== "string") {
    throw new TypeError(`The command must be a string: ${String(command)}.`);
  }
  const trimmedCommand = command.trim();
  if (trimmedCommand === "") {
    return [];
  }
  const tokens = [];
  for (const token of trimmedCommand.split(SPACES_REGEXP)) {
    const previousToken = tokens.at(-1);
    if (previousToken && previousToken.endsWith("\\")) {
      tokens[tokens.length - 1] = `${previousToken.slice(0, -1)} ${token}`;
    } else {
      tokens.push(token);
    }
  }
  return tokens;
};
var SPACES_REGEXP = / +/g;

// node_modules/execa/lib/methods/script.js
var setScriptSync = (boundExeca, createNested, boundOptions) => {
  boundExeca.sync = createNested(mapScriptSync, boundOptions);
  boundExeca.s = boundExeca.sync;
};
var mapScriptAsync = ({ options }) => getScriptOptions(options);
var mapScriptSync = ({ options }) => ({ ...getScriptOptions(options), isSync: true });
var getScriptOptions = (options) => ({ options: { ...getScriptStdinOption(options), ...options } });
var getScriptStdinOption = ({ input, inputFile, stdio }) => input === void 0 && inputFile === void 0 && stdio === void 0 ? { stdin: "inherit" } : {};
var deepScriptOptions = { preferLocal: true };

// node_modules/execa/index.js
var execa = createExeca(() => ({}));
var execaSync = createExeca(() => ({ isSync: true }));
var execaCommand = createExeca(mapCommandAsync);
var execaCommandSync = createExeca(mapCommandSync);
var execaNode = createExeca(mapNode);
var $ = createExeca(mapScriptAsync, {}, deepScriptOptions, setScriptSync);
var {
  sendMessage: sendMessage2,
  getOneMessage: getOneMessage2,
  getEachMessage: getEachMessage2,
  getCancelSignal: getCancelSignal2
} = getIpcExport();

// src/core/child-lifetime.ts
import { spawnSync as spawnSync2 } from "node:child_process";
import { accessSync, constants as constants5, statSync as statSync8 } from "node:fs";
import { delimiter, join as join9 } from "node:path";
var setprivWorks;
function canSetParentDeathSignal() {
  setprivWorks ??= spawnSync2("setpriv", ["--pdeathsig", "KILL", "--", "true"], { stdio: "ignore", timeout: 5e3 }).status === 0;
  return setprivWorks;
}
function diesWithParent(file, args) {
  return canSetParentDeathSignal() && runnable(file) ? ["setpriv", ["--pdeathsig", "KILL", "--", file, ...args]] : [file, [...args]];
}
function runnable(file) {
  const candidates = file.includes("/") ? [file] : (process.env.PATH ?? "").split(delimiter).map((dir) => join9(dir || ".", file));
  return candidates.some((path6) => {
    try {
      accessSync(path6, constants5.X_OK);
      return statSync8(path6).isFile();
    } catch {
      return false;
    }
  });
}

// src/provision/disks.ts
function qemuImg(qemuBinary) {
  const beside = join10(dirname5(qemuBinary), "qemu-img");
  return existsSync11(beside) ? beside : "qemu-img";
}
async function createQcow2(qemuBinary, args, what, signal, hint) {
  const tool = qemuImg(qemuBinary);
  const result = await execa(...diesWithParent(tool, ["create", "-q", "-f", "qcow2", ...args]), { reject: false, ...signal ? { cancelSignal: signal } : {} });
  if (result.failed) {
    throw new InfraError(`could not create ${what} with ${tool}: ${result.stderr || result.message}`, {
      hint: tool === "qemu-img" ? `install qemu-img (Debian/Ubuntu: apt-get install qemu-utils)${hint ? `, or ${hint}` : ""}` : "check that the QEMU install is complete"
    });
  }
}
async function provisionDisks(disks, qemuBinary, workDir, signal) {
  const images = [];
  for (const disk of disks) {
    if (disk.path !== void 0 && disk.snapshot) {
      images.push({ id: disk.id, image: await copyForRun(disk.path, join10(workDir, `disk-${disk.id}.${disk.format}`), signal) });
      continue;
    }
    if (disk.path !== void 0) {
      images.push({ id: disk.id, image: disk.path });
      continue;
    }
    const image = join10(workDir, `disk-${disk.id}.${disk.format}`);
    const size = disk.sizeBytes;
    if (disk.format === "raw") {
      const fd = openSync3(image, "w", 384);
      try {
        ftruncateSync(fd, size);
      } finally {
        closeSync3(fd);
      }
    } else {
      await createQcow2(
        qemuBinary,
        ["-o", "preallocation=metadata", image, String(size)],
        `the qcow2 disk ${disk.id}`,
        signal,
        "use format=raw for a new disk"
      );
    }
    images.push({ id: disk.id, image });
  }
  return images;
}
async function copyForRun(image, copy, signal) {
  const result = await execa(...diesWithParent("cp", ["--sparse=always", "--reflink=auto", "--", image, copy]), {
    reject: false,
    ...signal ? { cancelSignal: signal } : {}
  });
  if (result.failed) {
    throw new InfraError(`could not copy the disk image ${image} for the run (snapshot=true): ${result.stderr || result.message}`, {
      hint: "check the free space of the results folder's file system, or set snapshot=false to let the guest write the image itself"
    });
  }
  return copy;
}

// src/provision/guest/busybox.ts
import { readFile, writeFile as writeFile3 } from "node:fs/promises";
import { join as join14 } from "node:path";

// src/provision/guest/deb-archive.ts
var import_xz_decompress = __toESM(require_xz_decompress(), 1);
import { promisify as promisify3 } from "node:util";
import { gunzip } from "node:zlib";
import * as zlib from "node:zlib";

// src/provision/guest/run-tool.ts
function rethrow(file, err, opts) {
  const e = err;
  if (e.isCanceled && opts.signal) throw opts.signal.reason ?? err;
  if (e.code === "ENOENT") {
    throw new InfraError(`${file} not found on this host`, { hint: opts.missingHint, cause: err });
  }
  throw new InfraError(`could not run ${file}: ${String(e.shortMessage ?? err)}`, { cause: err });
}
async function runTool(file, args, opts = {}) {
  opts.signal?.throwIfAborted();
  let r;
  try {
    r = await execa(...diesWithParent(file, args), {
      cwd: opts.cwd,
      cancelSignal: opts.signal,
      env: { LC_ALL: "C", ...opts.env },
      stdin: "ignore",
      reject: false
    });
  } catch (err) {
    rethrow(file, err, opts);
  }
  if (r.isCanceled || r.exitCode === void 0) rethrow(file, r, opts);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}
async function filterBytes(file, args, input, opts = {}) {
  opts.signal?.throwIfAborted();
  let r;
  try {
    r = await execa(...diesWithParent(file, args), {
      cancelSignal: opts.signal,
      input,
      encoding: "buffer",
      stripFinalNewline: false,
      maxBuffer: { stdout: 1024 * 1024 * 1024, stderr: 1024 * 1024 },
      reject: false
    });
  } catch (err) {
    rethrow(file, err, opts);
  }
  if (r.isCanceled || r.exitCode === void 0) rethrow(file, r, opts);
  if (r.exitCode !== 0) {
    const stderr = Buffer.from(r.stderr).toString("utf8").trim();
    throw new InfraError(`${file} ${args.join(" ")} exited with ${r.exitCode}: ${stderr || "no message"}`);
  }
  return r.stdout;
}

// src/provision/guest/deb-archive.ts
var DebFormatError = class extends Error {
  name = "DebFormatError";
};
var AR_MAGIC = "!<arch>\n";
function readArMembers(bytes) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 8).toString("latin1") !== AR_MAGIC) throw new DebFormatError("not an ar archive (no !<arch> magic)");
  const members = /* @__PURE__ */ new Map();
  let off = 8;
  while (off + 60 <= buf.length) {
    const header = buf.subarray(off, off + 60);
    if (header.subarray(58, 60).toString("latin1") !== "`\n") throw new DebFormatError(`ar member header at byte ${off} is damaged`);
    const name = header.subarray(0, 16).toString("latin1").trim().replace(/\/$/, "");
    const size = Number(header.subarray(48, 58).toString("latin1").trim());
    if (!Number.isInteger(size) || size < 0 || off + 60 + size > buf.length) throw new DebFormatError(`ar member ${name} is cut off`);
    members.set(name, buf.subarray(off + 60, off + 60 + size));
    off += 60 + size + (size & 1);
  }
  return members;
}
var gunzipAsync = promisify3(gunzip);
async function unxz(bytes) {
  const stream = new import_xz_decompress.default.XzReadableStream(new Blob([bytes]).stream());
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
async function unzstd(bytes, signal) {
  const native = zlib.zstdDecompress;
  if (native) return promisify3(native)(bytes);
  return filterBytes("zstd", ["-dcq"], bytes, { signal, missingHint: "install zstd (a .deb compressed with zstd needs it on Node.js < 22.15)" });
}
async function debTar(deb, which, signal) {
  const members = readArMembers(deb);
  if (members.get("debian-binary")?.toString().trim() !== "2.0") throw new DebFormatError("not a Debian binary package (no debian-binary 2.0 member)");
  for (const [name, bytes] of members) {
    if (name === `${which}.tar`) return bytes;
    if (name === `${which}.tar.xz`) return unxz(bytes);
    if (name === `${which}.tar.gz`) return gunzipAsync(bytes);
    if (name === `${which}.tar.zst`) return unzstd(bytes, signal);
  }
  throw new DebFormatError(`no ${which}.tar member (has ${[...members.keys()].join(", ")})`);
}
function cString(block, start, length) {
  const field2 = block.subarray(start, start + length);
  const nul = field2.indexOf(0);
  return field2.subarray(0, nul === -1 ? length : nul).toString("utf8");
}
function tarNumber(block, start, length) {
  if (block[start] & 128) {
    let n2 = 0;
    for (let i2 = start + 1; i2 < start + length; i2++) n2 = n2 * 256 + block[i2];
    return n2;
  }
  const text = cString(block, start, length).trim();
  return text === "" ? 0 : parseInt(text, 8);
}
function paxRecords(data) {
  const records = /* @__PURE__ */ new Map();
  let off = 0;
  while (off < data.length) {
    const space = data.indexOf(32, off);
    if (space === -1) break;
    const len = Number(data.subarray(off, space).toString("latin1"));
    if (!Number.isInteger(len) || len <= 0) break;
    const record2 = data.subarray(space + 1, off + len - 1).toString("utf8");
    const eq = record2.indexOf("=");
    if (eq > 0) records.set(record2.slice(0, eq), record2.slice(eq + 1));
    off += len;
  }
  return records;
}
var normalize = (path6) => path6.replace(/^(\.\/)+/, "").replace(/^\/+/, "").replace(/\/+$/, "");
function* tarEntries(tar) {
  const buf = Buffer.from(tar.buffer, tar.byteOffset, tar.byteLength);
  let off = 0;
  let longName;
  let longLink;
  let pax = /* @__PURE__ */ new Map();
  while (off + 512 <= buf.length) {
    const block = buf.subarray(off, off + 512);
    if (block.every((b) => b === 0)) return;
    const stored = tarNumber(block, 148, 8);
    let sum = 0;
    for (let i2 = 0; i2 < 512; i2++) sum += i2 >= 148 && i2 < 156 ? 32 : block[i2];
    if (sum !== stored) throw new DebFormatError(`tar header at byte ${off} has a bad checksum`);
    const type = String.fromCharCode(block[156]);
    const size = tarNumber(block, 124, 12);
    const dataStart = off + 512;
    if (dataStart + size > buf.length) throw new DebFormatError(`tar entry at byte ${off} is cut off`);
    const data = buf.subarray(dataStart, dataStart + size);
    off = dataStart + Math.ceil(size / 512) * 512;
    if (type === "L") {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === "K") {
      longLink = cString(data, 0, data.length);
      continue;
    }
    if (type === "x") {
      pax = paxRecords(data);
      continue;
    }
    if (type === "g") continue;
    const ustar = block.subarray(257, 262).toString("latin1") === "ustar";
    const prefix = ustar ? cString(block, 345, 155) : "";
    const name = pax.get("path") ?? longName ?? (prefix ? `${prefix}/${cString(block, 0, 100)}` : cString(block, 0, 100));
    const link = pax.get("linkpath") ?? longLink ?? cString(block, 157, 100);
    longName = longLink = void 0;
    pax = /* @__PURE__ */ new Map();
    const kind = type === "0" || type === "\0" || type === "7" ? "file" : type === "5" ? "dir" : type === "2" ? "symlink" : type === "1" ? "hardlink" : "other";
    const path6 = normalize(name);
    if (path6 === "") continue;
    yield { path: path6, type: kind, mode: tarNumber(block, 100, 8) & 4095, data, link: kind === "hardlink" ? normalize(link) : link };
  }
}
async function debControl(deb, signal) {
  const tar = await debTar(deb, "control", signal);
  for (const entry of tarEntries(tar)) {
    if (entry.path === "control" && entry.type === "file") return parseControlStanza(entry.data.toString());
  }
  throw new DebFormatError("control.tar has no control file");
}
function parseControlStanza(text) {
  const fields = /* @__PURE__ */ new Map();
  let key;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      if (fields.size > 0) break;
      continue;
    }
    if ((line.startsWith(" ") || line.startsWith("	")) && key) {
      fields.set(key, `${fields.get(key)}
${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    key = line.slice(0, colon);
    fields.set(key, line.slice(colon + 1).trim());
  }
  return fields;
}

// src/provision/guest/elf.ts
var ELF_MAGIC = 2135247942;
var ELFCLASS64 = 2;
var ELFDATA2LSB = 1;
var PT_INTERP = 3;
var ElfFormatError = class extends Error {
  name = "ElfFormatError";
};
function isElf(bytes) {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, false) === ELF_MAGIC;
}
function elf64View(bytes) {
  if (!isElf(bytes)) throw new ElfFormatError("not an ELF file");
  if (bytes.length < 64 || bytes[4] !== ELFCLASS64 || bytes[5] !== ELFDATA2LSB) {
    throw new ElfFormatError("not a 64-bit little-endian ELF file");
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
function checkRange(bytes, offset, length, what) {
  if (offset < 0 || length < 0 || offset + length > bytes.length) throw new ElfFormatError(`${what} lies outside the file`);
}
var ELF_MACHINE = { x86_64: 62, aarch64: 183 };
function elfMachine(bytes) {
  return elf64View(bytes).getUint16(18, true);
}
function hasProgramInterpreter(bytes) {
  const v = elf64View(bytes);
  const phoff = Number(v.getBigUint64(32, true));
  const phentsize = v.getUint16(54, true);
  const phnum = v.getUint16(56, true);
  checkRange(bytes, phoff, phentsize * phnum, "program header table");
  for (let i2 = 0; i2 < phnum; i2++) {
    if (v.getUint32(phoff + i2 * phentsize, true) === PT_INTERP) return true;
  }
  return false;
}
function readElfSection(bytes, name) {
  const v = elf64View(bytes);
  const shoff = Number(v.getBigUint64(40, true));
  const shentsize = v.getUint16(58, true);
  const shnum = v.getUint16(60, true);
  const shstrndx = v.getUint16(62, true);
  if (shoff === 0 || shnum === 0) return void 0;
  checkRange(bytes, shoff, shentsize * shnum, "section header table");
  const header = (i2) => {
    const at = shoff + i2 * shentsize;
    return {
      name: v.getUint32(at, true),
      offset: Number(v.getBigUint64(at + 24, true)),
      size: Number(v.getBigUint64(at + 32, true))
    };
  };
  if (shstrndx >= shnum) throw new ElfFormatError("section name table index out of range");
  const names = header(shstrndx);
  checkRange(bytes, names.offset, names.size, "section name table");
  const wanted = Buffer.from(`${name}\0`, "latin1");
  for (let i2 = 0; i2 < shnum; i2++) {
    const h2 = header(i2);
    const at = names.offset + h2.name;
    if (at + wanted.length > names.offset + names.size) continue;
    if (Buffer.compare(bytes.subarray(at, at + wanted.length), wanted) !== 0) continue;
    checkRange(bytes, h2.offset, h2.size, `section ${name}`);
    return bytes.subarray(h2.offset, h2.offset + h2.size);
  }
  return void 0;
}

// src/provision/guest/guest-cache.ts
import { existsSync as existsSync13 } from "node:fs";
import { readdir, rm as rm2, stat as stat2, utimes, writeFile as writeFile2 } from "node:fs/promises";
import { join as join13 } from "node:path";

// src/provision/guest/cache-entry.ts
import { existsSync as existsSync12 } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename as basename3, dirname as dirname6, join as join12 } from "node:path";
import { randomBytes as randomBytes2 } from "node:crypto";

// src/core/owned-dirs.ts
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join as join11 } from "node:path";

// src/core/process-identity.ts
import { readFileSync as readFileSync7 } from "node:fs";
function processStart(pid) {
  try {
    const stat3 = readFileSync7(`/proc/${pid}/stat`, "utf8");
    const fields = stat3.slice(stat3.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? "";
  } catch (err) {
    if (err.code === "ENOENT") return existsByKill(pid) ? "" : void 0;
    return "";
  }
}
function existsByKill(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
function identityOf(pid) {
  const start = processStart(pid);
  return start === void 0 ? void 0 : { pid, start };
}
var self;
function selfIdentity() {
  return self ??= identityOf(process.pid) ?? { pid: process.pid, start: "" };
}
function isRunning(id) {
  const start = processStart(id.pid);
  return start !== void 0 && (id.start === "" || start === "" || start === id.start);
}
function ownerTag(id = selfIdentity()) {
  return id.start ? `${id.pid}.${id.start}` : String(id.pid);
}
function parseOwnerTag(text) {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  return m ? { pid: Number(m[1]), start: m[2] ?? "" } : void 0;
}

// src/core/owned-dirs.ts
function makeOwnedDir(parent, prefix) {
  return mkdtempSync(join11(parent, `${prefix}${ownerTag()}-`));
}
function ownerOfDir(name, prefix) {
  if (!name.startsWith(prefix)) return void 0;
  const tag = name.slice(prefix.length).split("-")[0] ?? "";
  return parseOwnerTag(tag);
}
function sweepOwnedDirs(parent, prefix, beforeRemove) {
  let names;
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const me = selfIdentity();
  const removed = [];
  for (const name of names) {
    const owner = ownerOfDir(name, prefix);
    if (!owner || owner.pid === me.pid && owner.start === me.start || isRunning(owner)) continue;
    const dir = join11(parent, name);
    try {
      beforeRemove?.(dir);
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      removed.push(dir);
    } catch {
    }
  }
  return removed;
}

// src/provision/guest/cache-entry.ts
var COMPLETE_MARKER = ".complete";
function isCacheEntryComplete(dir) {
  return existsSync12(join12(dir, COMPLETE_MARKER));
}
function removeStaleWork(dir) {
  sweepOwnedDirs(dirname6(dir), `${basename3(dir)}.partial-`);
}
async function placeEntry(work, dir) {
  try {
    await rename(work, dir);
    return;
  } catch (err) {
    const code = err.code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
  }
  if (isCacheEntryComplete(dir)) {
    await rm(work, { recursive: true, force: true });
    return;
  }
  await rm(dir, { recursive: true, force: true });
  await rename(work, dir);
}
async function ensureCacheEntry(dir, build) {
  if (isCacheEntryComplete(dir)) return false;
  removeStaleWork(dir);
  const work = `${dir}.partial-${ownerTag()}-${randomBytes2(4).toString("hex")}`;
  await mkdir(work, { recursive: true });
  try {
    await build(work);
    await writeFile(join12(work, COMPLETE_MARKER), `${(/* @__PURE__ */ new Date()).toISOString()}
`);
    await placeEntry(work, dir);
  } catch (err) {
    await rm(work, { recursive: true, force: true });
    throw err;
  }
  return true;
}

// src/provision/guest/guest-cache.ts
var GUEST_CACHE_KINDS = ["kernel", "busybox", "initramfs"];
var LAST_USED = ".last-used";
var PRUNE_UNUSED_MS = 14 * 24 * 60 * 60 * 1e3;
var PRUNE_KEEP_PER_KIND = 3;
var RECENT_MS = 60 * 60 * 1e3;
var ENTRY_NAME = /^[a-z0-9]+-[0-9a-f]{16}(-[0-9a-f]{8})?$/;
function guestCacheDir(cacheDir, kind) {
  return join13(cacheDir, "guest", kind);
}
async function ensureGuestEntry(dir, remoteKey, opts, build) {
  let how = "cached";
  if (!isCacheEntryComplete(dir) && opts.remoteCache) {
    const restored = await opts.remoteCache.restore(remoteKey, dir).catch((err) => {
      opts.log.warn(`restoring ${remoteKey} from the Actions cache failed: ${err.message}`);
      return false;
    });
    if (restored && isCacheEntryComplete(dir)) how = "restored";
    else if (existsSync13(dir)) await rm2(dir, { recursive: true, force: true });
  }
  if (await ensureCacheEntry(dir, build)) {
    how = "built";
    await opts.remoteCache?.save(remoteKey, dir).catch((err) => opts.log.warn(`saving ${remoteKey} to the Actions cache failed: ${err.message}`));
  }
  await markUsed(dir);
  return how;
}
async function markUsed(dir) {
  const stamp = join13(dir, LAST_USED);
  const now = /* @__PURE__ */ new Date();
  try {
    await utimes(stamp, now, now);
  } catch {
    await writeFile2(stamp, "").catch(() => {
    });
  }
}
async function lastUsedMs(dir) {
  for (const name of [LAST_USED, COMPLETE_MARKER]) {
    try {
      return (await stat2(join13(dir, name))).mtimeMs;
    } catch {
    }
  }
  return 0;
}
async function pruneGuestCache(cacheDir, inUse, opts = {}) {
  const now = opts.now ?? Date.now();
  const removed = [];
  const remove = async (path6) => {
    await rm2(path6, { recursive: true, force: true });
    removed.push(path6);
  };
  for (const legacy of [
    join13(cacheDir, "guest", "apt"),
    join13(cacheDir, "guest", "kernel", "resolved.json"),
    join13(cacheDir, "guest", "kernel", "resolved-arm64.json")
  ]) {
    if (existsSync13(legacy)) await remove(legacy);
  }
  for (const kind of GUEST_CACHE_KINDS) {
    const root = guestCacheDir(cacheDir, kind);
    let names;
    try {
      names = await readdir(root);
    } catch {
      continue;
    }
    const entries = await Promise.all(
      names.filter((n2) => !n2.includes(".partial-") && !n2.endsWith(".json")).map(async (n2) => ({ dir: join13(root, n2), used: await lastUsedMs(join13(root, n2)) }))
    );
    entries.sort((a2, b) => b.used - a2.used);
    let rank = 0;
    for (const e of entries) {
      const legacy = kind !== "initramfs" && !ENTRY_NAME.test(e.dir.slice(root.length + 1));
      if (inUse.includes(e.dir) || now - e.used < RECENT_MS) {
        if (!legacy) rank++;
        continue;
      }
      if (legacy || now - e.used > PRUNE_UNUSED_MS || rank >= PRUNE_KEEP_PER_KIND) await remove(e.dir);
      else rank++;
    }
  }
  return removed;
}

// src/provision/guest/busybox.ts
var BUSYBOX_PATHS = ["bin/busybox", "usr/bin/busybox"];
function staticBusyboxProblem(bytes, machine) {
  try {
    if (!isElf(bytes)) return "is not an ELF executable";
    if (hasProgramInterpreter(bytes)) return "is dynamically linked";
    if (elfMachine(bytes) !== machine) return `is for ELF machine ${elfMachine(bytes)}, not ${machine}`;
  } catch (err) {
    return `is not a 64-bit ELF executable (${err.message})`;
  }
  return void 0;
}
async function ensureGuestBusybox(opts) {
  const name = `${opts.arch.debArch}-${opts.ref.sha256.slice(0, 16)}`;
  const dir = join14(guestCacheDir(opts.cacheDir, "busybox"), name);
  await ensureGuestEntry(dir, `qfi-guest-busybox-${name}`, opts, async (work) => {
    const deb = await opts.download(opts.ref);
    const control = await debControl(deb, opts.signal);
    const label = `${control.get("Package") ?? opts.ref.name} ${control.get("Version") ?? opts.ref.version}`;
    let bytes;
    for (const entry of tarEntries(await debTar(deb, "data", opts.signal))) {
      if (entry.type === "file" && BUSYBOX_PATHS.includes(entry.path)) bytes = entry.data;
    }
    if (!bytes) throw new InfraError(`${label} holds no ${BUSYBOX_PATHS.join(" or ")}`);
    const problem = staticBusyboxProblem(bytes, opts.arch.elfMachine);
    if (problem) throw new InfraError(`the busybox of ${label} ${problem}`, { hint: "set guest.initrd to an initramfs of your own" });
    await writeFile3(join14(work, "busybox"), bytes, { mode: 493 });
    const manifest2 = {
      package: {
        name: control.get("Package") ?? opts.ref.name,
        version: control.get("Version") ?? opts.ref.version,
        sha256: opts.ref.sha256,
        filename: opts.ref.filename
      }
    };
    await writeFile3(join14(work, "busybox.json"), `${JSON.stringify(manifest2, null, 2)}
`);
    opts.log.info(`guest busybox: ${label} unpacked (${(bytes.length / 1024).toFixed(0)} KiB)`);
  });
  const manifest = JSON.parse(await readFile(join14(dir, "busybox.json"), "utf8"));
  const path6 = join14(dir, "busybox");
  return { path: path6, bytes: await readFile(path6), description: `${manifest.package.name} ${manifest.package.version}`, package: manifest.package };
}

// src/provision/guest/debian-mirror.ts
import { existsSync as existsSync14, readdirSync as readdirSync2, readFileSync as readFileSync8 } from "node:fs";
import { join as join15 } from "node:path";
var DEBIAN_ARCHIVE = "https://deb.debian.org/debian";
function parseOsRelease(text) {
  const fields = /* @__PURE__ */ new Map();
  for (const line of text.split("\n")) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m) fields.set(m[1], m[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  return fields;
}
function oneLineEntries(text) {
  const entries = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^(deb|deb-src)\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (m) entries.push({ types: [m[1]], uris: [m[2]], suites: [m[3]], components: m[4].split(/\s+/).filter(Boolean), enabled: true });
  }
  return entries;
}
function deb822Entries(text) {
  const entries = [];
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = /* @__PURE__ */ new Map();
    let key;
    for (const raw of stanza.split("\n")) {
      if (raw.startsWith("#")) continue;
      if (/^\s/.test(raw) && key) {
        fields.set(key, `${fields.get(key)} ${raw.trim()}`);
        continue;
      }
      const colon = raw.indexOf(":");
      if (colon <= 0) continue;
      key = raw.slice(0, colon).trim().toLowerCase();
      fields.set(key, raw.slice(colon + 1).trim());
    }
    const words = (k) => (fields.get(k) ?? "").split(/\s+/).filter(Boolean);
    if (fields.size === 0) continue;
    entries.push({
      types: words("types"),
      uris: words("uris"),
      suites: words("suites"),
      components: words("components"),
      enabled: !/^(no|false)$/i.test(fields.get("enabled") ?? "yes")
    });
  }
  return entries;
}
function debianMirrorsIn(files) {
  const found = [];
  for (const file of files) {
    const entries = file.path.endsWith(".sources") ? deb822Entries(file.text) : oneLineEntries(file.text);
    for (const e of entries) {
      if (!e.enabled || !e.types.includes("deb") || !e.components.includes("main")) continue;
      if (!e.suites.some((s) => !/-(security|backports|updates|proposed-updates)$|\/updates$/.test(s))) continue;
      for (const uri of e.uris) {
        if (!/^https?:\/\//.test(uri) || /debian-security/.test(uri)) continue;
        const url = uri.replace(/\/+$/, "");
        if (!found.includes(url)) found.push(url);
      }
    }
  }
  return found;
}
function readHostAptSources(etcApt = "/etc/apt") {
  const files = [];
  const add = (path6) => {
    try {
      files.push({ path: path6, text: readFileSync8(path6, "utf8") });
    } catch {
    }
  };
  if (existsSync14(join15(etcApt, "sources.list"))) add(join15(etcApt, "sources.list"));
  try {
    for (const name of readdirSync2(join15(etcApt, "sources.list.d")).sort()) {
      if (name.endsWith(".list") || name.endsWith(".sources")) add(join15(etcApt, "sources.list.d", name));
    }
  } catch {
  }
  return files;
}
function readHostOsRelease() {
  for (const path6 of ["/etc/os-release", "/usr/lib/os-release"]) {
    if (existsSync14(path6)) return parseOsRelease(readFileSync8(path6, "utf8"));
  }
  return /* @__PURE__ */ new Map();
}
function chooseMirror(given, host = { osRelease: readHostOsRelease(), sources: () => readHostAptSources() }) {
  if (given) return { url: given.replace(/\/+$/, ""), why: "debian-mirror" };
  if (host.osRelease.get("ID") === "debian") {
    const files = host.sources();
    const [first] = debianMirrorsIn(files);
    if (first) return { url: first, why: "this Debian host's apt sources" };
  }
  return { url: DEBIAN_ARCHIVE, why: "Debian's public archive" };
}

// src/provision/guest/guest-arch.ts
var X86_64_GUEST_MODULES = ["qemu_fw_cfg", "virtio_pci", "virtio_blk", "virtio_net", "virtio_console"];
var guestArch = {
  x86_64: { debArch: "amd64", elfMachine: ELF_MACHINE.x86_64, bootKernel: "vmlinux", modules: X86_64_GUEST_MODULES },
  // virt has both transports: PCI (virtio-*-pci, what qfi attaches) and virtio-mmio (virtio-*-device).
  aarch64: {
    debArch: "arm64",
    elfMachine: ELF_MACHINE.aarch64,
    bootKernel: "Image",
    modules: ["qemu_fw_cfg", "virtio_pci", "virtio_mmio", "virtio_blk", "virtio_net", "virtio_console"]
  }
};

// src/provision/guest/guest-kernel.ts
import { createHash as createHash2 } from "node:crypto";
import { mkdir as mkdir2, readFile as readFile3, writeFile as writeFile5 } from "node:fs/promises";
import { dirname as dirname7, join as join18 } from "node:path";

// src/provision/guest/compression.ts
import { promisify as promisify4 } from "node:util";
import { gunzip as gunzip2 } from "node:zlib";

// src/provision/guest/lz4-legacy.ts
var LZ4_LEGACY_MAGIC = 407642370;
var LEGACY_BLOCK_MAX = 8 * 1024 * 1024;
var Lz4FormatError = class extends Error {
  name = "Lz4FormatError";
};
function scanBlocks(input, view) {
  if (input.length < 4 || view.getUint32(0, true) !== LZ4_LEGACY_MAGIC) {
    throw new Lz4FormatError("not an LZ4 legacy frame (magic 0x184C2102 missing)");
  }
  const blocks = [];
  let pos = 4;
  while (pos + 4 <= input.length) {
    const size = view.getUint32(pos, true);
    if (size === LZ4_LEGACY_MAGIC) {
      pos += 4;
      continue;
    }
    if (pos + 4 + size > input.length) {
      if (pos + 4 === input.length) return { blocks, trailingSize: size };
      throw new Lz4FormatError(`truncated LZ4 block at offset ${pos}: needs ${size} bytes, ${input.length - pos - 4} left`);
    }
    blocks.push({ start: pos + 4, end: pos + 4 + size });
    pos += 4 + size;
  }
  if (pos !== input.length) throw new Lz4FormatError(`${input.length - pos} stray bytes after the last LZ4 block`);
  return { blocks, trailingSize: void 0 };
}
function decodeBlock(input, ip, end, out, op, outLimit) {
  const blockStart = op;
  while (ip < end) {
    const token = input[ip++];
    let literalLength = token >>> 4;
    if (literalLength === 15) {
      let b;
      do {
        if (ip >= end) throw new Lz4FormatError("literal length runs past the block");
        b = input[ip++];
        literalLength += b;
      } while (b === 255);
    }
    if (literalLength > 0) {
      if (ip + literalLength > end) throw new Lz4FormatError("literals run past the block");
      if (op + literalLength > outLimit) throw new Lz4FormatError("output larger than expected");
      if (literalLength < 32) {
        for (let i2 = 0; i2 < literalLength; i2++) out[op + i2] = input[ip + i2];
      } else {
        out.set(input.subarray(ip, ip + literalLength), op);
      }
      ip += literalLength;
      op += literalLength;
    }
    if (ip >= end) break;
    if (ip + 2 > end) throw new Lz4FormatError("match offset runs past the block");
    const offset = input[ip] | input[ip + 1] << 8;
    ip += 2;
    if (offset === 0 || offset > op - blockStart) throw new Lz4FormatError(`bad match offset ${offset} at output ${op}`);
    let matchLength = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b;
      do {
        if (ip >= end) throw new Lz4FormatError("match length runs past the block");
        b = input[ip++];
        matchLength += b;
      } while (b === 255);
    }
    if (op + matchLength > outLimit) throw new Lz4FormatError("output larger than expected");
    let from = op - offset;
    if (offset >= matchLength && matchLength >= 32) {
      out.copyWithin(op, from, from + matchLength);
      op += matchLength;
    } else {
      const stop = op + matchLength;
      while (op < stop) out[op++] = out[from++];
    }
  }
  return op;
}
function decodeLz4Legacy(input) {
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const { blocks, trailingSize: trailingSize2 } = scanBlocks(input, view);
  const capacity = trailingSize2 ?? blocks.length * LEGACY_BLOCK_MAX;
  const out = Buffer.allocUnsafe(capacity);
  let op = 0;
  for (const block of blocks) {
    op = decodeBlock(input, block.start, block.end, out, op, Math.min(capacity, op + LEGACY_BLOCK_MAX));
  }
  if (trailingSize2 !== void 0 && op !== trailingSize2) {
    throw new Lz4FormatError(`decoded ${op} bytes but the kernel payload says ${trailingSize2}`);
  }
  return out.subarray(0, op);
}

// src/provision/guest/compression.ts
var MAGICS = [
  { kind: "lz4", bytes: [2, 33, 76, 24] },
  { kind: "gzip", bytes: [31, 139] },
  { kind: "xz", bytes: [253, 55, 122, 88, 90, 0] },
  { kind: "zstd", bytes: [40, 181, 47, 253] },
  { kind: "bzip2", bytes: [66, 90, 104] },
  { kind: "lzo", bytes: [137, 76, 90, 79] },
  { kind: "lzma", bytes: [93, 0, 0] }
];
var CompressionError = class extends Error {
  name = "CompressionError";
};
function detectCompression(payload) {
  for (const { kind, bytes } of MAGICS) {
    if (bytes.every((b, i2) => payload[i2] === b)) {
      if (kind === "bzip2" || kind === "lzma" || kind === "lzo") {
        throw new CompressionError(`${kind} kernels are not supported (only lz4, gzip, xz and zstd)`);
      }
      return kind;
    }
  }
  return void 0;
}
function trailingSize(payload) {
  if (payload.length < 4) throw new CompressionError("payload too short");
  return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).readUInt32LE(payload.length - 4);
}
function checkSize(kind, out, expected) {
  if (out.length % 2 ** 32 !== expected) {
    throw new CompressionError(`${kind} payload decompressed to ${out.length} bytes, but its size word says ${expected}`);
  }
}
var gunzipAsync2 = promisify4(gunzip2);
async function decompressPayload(payload, kind, signal) {
  signal?.throwIfAborted();
  switch (kind) {
    case "lz4":
      return decodeLz4Legacy(payload);
    // checks the appended size itself
    case "gzip": {
      const out = await gunzipAsync2(payload);
      checkSize(kind, out, trailingSize(payload));
      return out;
    }
    case "xz": {
      const out = await filterBytes("xz", ["-dc", "--single-stream"], payload, { signal, missingHint: "apt-get install xz-utils" });
      if (!(payload[payload.length - 2] === 89 && payload[payload.length - 1] === 90)) checkSize(kind, out, trailingSize(payload));
      return out;
    }
    case "zstd": {
      const out = await filterBytes("zstd", ["-dcq"], payload.subarray(0, payload.length - 4), { signal, missingHint: "apt-get install zstd" });
      checkSize(kind, out, trailingSize(payload));
      return out;
    }
  }
}

// src/provision/guest/arm64-image.ts
var Arm64ImageError = class extends Error {
  name = "Arm64ImageError";
};
var ARM64_MAGIC = 1682788929;
var HEADER_SIZE = 64;
function isArm64Image(bytes) {
  return bytes.length >= HEADER_SIZE && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readUInt32LE(56) === ARM64_MAGIC;
}
function isZboot(bytes) {
  return bytes.length >= 8 && bytes[0] === 77 && bytes[1] === 90 && Buffer.from(bytes.subarray(4, 8)).toString("latin1") === "zimg";
}
async function extractArm64Image(vmlinuz, signal) {
  if (isZboot(vmlinuz)) {
    throw new Arm64ImageError("it is an EFI zboot image (CONFIG_EFI_ZBOOT), which QEMU cannot boot with -kernel before 9.1");
  }
  if (isArm64Image(vmlinuz)) return { image: vmlinuz, compression: "none" };
  if (vmlinuz[0] === 31 && vmlinuz[1] === 139) {
    const image = await decompressPayload(vmlinuz, "gzip", signal);
    if (!isArm64Image(image)) throw new Arm64ImageError('the gzip data did not decompress to an arm64 Image (no "ARM\\x64" magic at 0x38)');
    return { image, compression: "gzip" };
  }
  const magic = Buffer.from(vmlinuz.subarray(0, 4)).toString("hex");
  throw new Arm64ImageError(`not an arm64 Image, plain or gzip'd (starts with ${magic}, no "ARM\\x64" magic at 0x38)`);
}

// src/provision/guest/bzimage.ts
var BzImageError = class extends Error {
  name = "BzImageError";
};
var MIN_PROTOCOL = 520;
function formatProtocol(version) {
  return `${version >> 8}.${(version & 255).toString().padStart(2, "0")}`;
}
function parseSetupHeader(image) {
  if (image.length < 592) throw new BzImageError(`too small for a bzImage (${image.length} bytes)`);
  const v = new DataView(image.buffer, image.byteOffset, image.byteLength);
  if (v.getUint16(510, true) !== 43605) throw new BzImageError("no boot sector signature 0xAA55 at 0x1FE");
  if (v.getUint32(514, true) !== 1400005704) throw new BzImageError('no "HdrS" setup header magic at 0x202');
  const protocolVersion = v.getUint16(518, true);
  if (protocolVersion < MIN_PROTOCOL) {
    throw new BzImageError(`boot protocol ${formatProtocol(protocolVersion)} is older than 2.08 (no payload fields)`);
  }
  const setupSects = v.getUint8(497) || 4;
  const payloadOffset = (setupSects + 1) * 512 + v.getUint32(584, true);
  const payloadLength = v.getUint32(588, true);
  if (payloadLength === 0 || payloadOffset + payloadLength > image.length) {
    throw new BzImageError(`payload ${payloadOffset}+${payloadLength} lies outside the ${image.length}-byte image`);
  }
  return { protocolVersion, setupSects, payloadOffset, payloadLength };
}
async function extractVmlinux(image, signal) {
  const header = parseSetupHeader(image);
  const payload = image.subarray(header.payloadOffset, header.payloadOffset + header.payloadLength);
  const compression = detectCompression(payload);
  if (!compression) {
    const magic = Buffer.from(payload.subarray(0, 4)).toString("hex");
    throw new BzImageError(`unknown kernel compression (payload starts with ${magic})`);
  }
  const vmlinux = await decompressPayload(payload, compression, signal);
  if (!isElf(vmlinux)) throw new BzImageError(`the ${compression} payload did not decompress to an ELF file`);
  return { vmlinux, compression, header };
}

// src/provision/guest/debian-index.ts
import { createHash } from "node:crypto";
import { existsSync as existsSync15 } from "node:fs";
import { mkdtemp, rm as rm3, writeFile as writeFile4 } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join16 } from "node:path";
import { promisify as promisify5 } from "node:util";
import { gunzip as gunzip3 } from "node:zlib";

// src/provision/guest/fetch-bytes.ts
var HttpStatusError = class extends InfraError {
  constructor(url, status) {
    super(`${url} answered HTTP ${status}`);
    this.url = url;
    this.status = status;
  }
  url;
  status;
};
var MiB = (n2) => `${(n2 / 1048576).toFixed(1)} MiB`;
async function fetchBytes(url, opts = {}) {
  opts.signal?.throwIfAborted();
  const idle = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, idle.signal]) : idle.signal;
  const idleMs = opts.idleTimeoutMs ?? 3e4;
  let timer = setTimeout(() => idle.abort(), idleMs);
  const fail = (err) => {
    if (opts.signal?.aborted) throw opts.signal.reason ?? err;
    const why = idle.signal.aborted ? `no data for ${idleMs / 1e3} s` : String(err.cause ?? err.message);
    throw new InfraError(`could not download ${url}: ${why}`, { hint: opts.hint, cause: err });
  };
  try {
    let response;
    try {
      response = await fetch(url, { signal });
    } catch (err) {
      return fail(err);
    }
    if (!response.ok || !response.body) throw new HttpStatusError(url, response.status);
    const total = Number(response.headers.get("content-length") ?? 0);
    const chunks = [];
    let received = 0;
    let lastLog = Date.now();
    const reader = response.body.getReader();
    try {
      for (; ; ) {
        const { done, value } = await reader.read();
        if (done) break;
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), idleMs);
        chunks.push(value);
        received += value.length;
        if (opts.progress && Date.now() - lastLog > 5e3) {
          lastLog = Date.now();
          opts.progress.log.info(`${opts.progress.label}: ${MiB(received)}${total ? ` of ${MiB(total)}` : ""}`);
        }
      }
    } catch (err) {
      return fail(err);
    }
    return Buffer.concat(chunks);
  } finally {
    clearTimeout(timer);
  }
}

// src/provision/guest/debian-index.ts
var DEBIAN_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
function clearsignedText(message) {
  const lines = message.split("\n");
  const start = lines.findIndex((l) => l.startsWith("-----BEGIN PGP SIGNED MESSAGE-----"));
  if (start === -1) return message;
  let i2 = start + 1;
  while (i2 < lines.length && lines[i2].trim() !== "") i2++;
  const end = lines.findIndex((l, n2) => n2 > i2 && l.startsWith("-----BEGIN PGP SIGNATURE-----"));
  return lines.slice(i2 + 1, end === -1 ? void 0 : end).map((l) => l.startsWith("- ") ? l.slice(2) : l).join("\n");
}
function parseRelease(text, trust) {
  const fields = parseControlStanza(text);
  const files = /* @__PURE__ */ new Map();
  for (const line of (fields.get("SHA256") ?? "").split("\n")) {
    const m = /^([0-9a-f]{64})\s+(\d+)\s+(\S+)$/.exec(line.trim());
    if (m) files.set(m[3], { sha256: m[1], size: Number(m[2]) });
  }
  return {
    suite: fields.get("Suite") ?? "",
    codename: fields.get("Codename") ?? "",
    date: fields.get("Date") ?? "",
    acquireByHash: fields.get("Acquire-By-Hash") === "yes",
    files,
    trust
  };
}
function snapshotStamp(releaseDate) {
  const t = Date.parse(releaseDate.replace(/ UTC$/, " GMT"));
  if (Number.isNaN(t)) return void 0;
  return new Date(t).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}
async function verifySignature(bytes, keyring, url, signal) {
  const dir = await mkdtemp(join16(tmpdir(), "qfi-inrelease-"));
  try {
    const file = join16(dir, "InRelease");
    await writeFile4(file, bytes);
    const r = await runTool("gpgv", ["--keyring", keyring, file], { signal, missingHint: "install gpgv" });
    const signers = [...r.stderr.matchAll(/Good signature from "([^"]+)"/g)].map((m) => m[1]);
    if (r.exitCode !== 0 || signers.length === 0) {
      throw new InfraError(`the signature of ${url} does not check out against ${keyring}: ${r.stderr.trim().split("\n").slice(-3).join(" | ")}`, {
        hint: "the mirror may be serving damaged or forged files; set debian-mirror to another Debian mirror"
      });
    }
    return `signature checked: ${signers[0].replace(/\s*<[^>]*>$/, "")}${signers.length > 1 ? ` and ${signers.length - 1} more` : ""}`;
  } finally {
    await rm3(dir, { recursive: true, force: true });
  }
}
async function canVerify(keyring) {
  if (!existsSync15(keyring)) return false;
  const r = await runTool("gpgv", ["--version"]).catch(() => void 0);
  return r?.exitCode === 0;
}
async function fetchRelease(mirror, suite, opts = {}) {
  const url = `${mirror}/dists/${suite}/InRelease`;
  return readInRelease(await fetchBytes(url, opts), url, suite, opts);
}
async function readInRelease(bytes, url, suite, opts = {}) {
  const keyring = opts.keyring ?? DEBIAN_KEYRING;
  const trust = await canVerify(keyring) ? await verifySignature(bytes, keyring, url, opts.signal) : `signature not checked (no gpgv or no ${keyring} on this host); trusted on the transport: ${new URL(url).protocol.replace(":", "")}`;
  const release = parseRelease(clearsignedText(Buffer.from(bytes).toString("utf8")), trust);
  if (release.codename !== suite && release.suite !== suite) {
    throw new InfraError(`${url} is the Release file of ${release.codename || release.suite || "an unknown suite"}, not ${suite}`, {
      hint: "check debian-mirror"
    });
  }
  return release;
}
var sha256Hex = (bytes) => createHash("sha256").update(bytes).digest("hex");
var gunzipAsync3 = promisify5(gunzip3);
async function fetchPackagesIndex(mirror, release, debArch, opts = {}) {
  const listed = ["gz", "xz"].map((ext) => `main/binary-${debArch}/Packages.${ext}`).filter((p) => release.files.has(p));
  const path6 = listed[0];
  if (!path6)
    throw new InfraError(`the ${release.codename} Release file lists no main/binary-${debArch}/Packages.gz or .xz`, {
      hint: `check that the mirror carries ${debArch}`
    });
  const want = release.files.get(path6);
  const base = `${mirror}/dists/${release.codename}`;
  const url = release.acquireByHash ? `${base}/main/binary-${debArch}/by-hash/SHA256/${want.sha256}` : `${base}/${path6}`;
  const gz = await fetchBytes(url, opts);
  const got = sha256Hex(gz);
  if (got !== want.sha256 || gz.length !== want.size) {
    throw new InfraError(`${url} has sha256 ${got} (${gz.length} bytes), but the Release file says ${want.sha256} (${want.size} bytes)`, {
      hint: "the mirror may be in the middle of an update: retry, or set debian-mirror to another mirror"
    });
  }
  const text = path6.endsWith(".gz") ? await gunzipAsync3(gz) : await decompressPayload(gz, "xz", opts.signal);
  return { text: Buffer.from(text).toString("utf8"), sha256: want.sha256 };
}
function findPackageStanza(packages, name) {
  const needle = `Package: ${name}
`;
  let at = packages.startsWith(needle) ? 0 : packages.indexOf(`
${needle}`);
  if (at === -1) return void 0;
  if (at > 0) at += 1;
  const end = packages.indexOf("\n\n", at);
  return parseControlStanza(packages.slice(at, end === -1 ? void 0 : end));
}
function parseDepends(field2) {
  const deps = [];
  for (const item of field2.split(",")) {
    const first = item.split("|")[0].trim();
    const m = /^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9-]+)?\s*(?:\(\s*([<>=]+)\s*([^)\s]+)\s*\))?/.exec(first);
    if (!m) continue;
    deps.push({ name: m[1], exactVersion: m[2] === "=" ? m[3] : void 0 });
  }
  return deps;
}

// src/provision/guest/kernel-modules.ts
import { readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import { join as join17 } from "node:path";
import { promisify as promisify6 } from "node:util";
import { gunzip as gunzip4 } from "node:zlib";
var ModuleError = class extends Error {
  name = "ModuleError";
};
function normalizeModuleName(name) {
  return name.replace(/-/g, "_");
}
var MODULE_FILE = /^(.+)\.ko(\.xz|\.zst|\.gz)?$/;
function moduleNameOfPath(path6) {
  const base = path6.slice(path6.lastIndexOf("/") + 1);
  const m = MODULE_FILE.exec(base);
  return m ? normalizeModuleName(m[1]) : void 0;
}
function uncompressedModulePath(path6) {
  return path6.replace(/\.(xz|zst|gz)$/, "");
}
function parseModinfo(section) {
  const info = { name: void 0, depends: [], vermagic: void 0 };
  for (const entry of Buffer.from(section.buffer, section.byteOffset, section.byteLength).toString("latin1").split("\0")) {
    const eq = entry.indexOf("=");
    if (eq <= 0) continue;
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key === "name") info.name = normalizeModuleName(value);
    else if (key === "vermagic") info.vermagic = value;
    else if (key === "depends") info.depends = value.split(",").filter(Boolean).map(normalizeModuleName);
  }
  return info;
}
async function orderModules(wanted, graph) {
  const order = [];
  const state = /* @__PURE__ */ new Map();
  const visit = async (name, path6) => {
    if (graph.isBuiltin(name)) return;
    const seen = state.get(name);
    if (seen === "done") return;
    if (seen === "visiting") throw new ModuleError(`module dependency cycle: ${[...path6, name].join(" -> ")}`);
    state.set(name, "visiting");
    const depends = await graph.dependsOf(name);
    if (depends === void 0) {
      const via = path6.length > 0 ? ` (needed by ${path6[path6.length - 1]})` : "";
      throw new ModuleError(`the kernel has no module ${name}${via}, and it is not built in`);
    }
    for (const dep of depends) await visit(dep, [...path6, name]);
    state.set(name, "done");
    order.push(name);
  };
  for (const name of wanted) await visit(normalizeModuleName(name), []);
  return order;
}
function parseModulesBuiltin(text) {
  const names = /* @__PURE__ */ new Set();
  for (const line of text.split("\n")) {
    const name = moduleNameOfPath(line.trim());
    if (name) names.add(name);
  }
  return names;
}
var gunzipAsync4 = promisify6(gunzip4);
async function moduleElf(path6, raw, signal) {
  if (path6.endsWith(".ko")) return raw;
  if (path6.endsWith(".ko.gz")) return gunzipAsync4(raw);
  if (path6.endsWith(".ko.xz")) return filterBytes("xz", ["-dc"], raw, { signal, missingHint: "install xz (xz-utils)" });
  if (path6.endsWith(".ko.zst")) return filterBytes("zstd", ["-dcq"], raw, { signal, missingHint: "install zstd" });
  throw new ModuleError(`not a kernel module file: ${path6}`);
}
function modinfoOf(relPath, elf) {
  let section;
  try {
    section = readElfSection(elf, ".modinfo");
  } catch (err) {
    throw new ModuleError(`${relPath}: ${err.message}`);
  }
  if (!section) throw new ModuleError(`${relPath} has no .modinfo section`);
  return parseModinfo(section);
}
var ModuleTree = class {
  /** `source`: a lib/modules/<release> folder, or a function giving a module file's bytes by relative path. */
  constructor(source, index, builtin, signal) {
    this.index = index;
    this.builtin = builtin;
    this.signal = signal;
    this.read = typeof source === "string" ? (relPath) => readFile2(join17(source, relPath)) : source;
  }
  index;
  builtin;
  signal;
  loaded = /* @__PURE__ */ new Map();
  read;
  isBuiltin(name) {
    return this.builtin.has(name);
  }
  async load(name) {
    const cached2 = this.loaded.get(name);
    if (cached2) return cached2;
    const relPath = this.index[name];
    if (relPath === void 0) return void 0;
    const raw = await this.read(relPath);
    const elf = await moduleElf(relPath, raw, this.signal);
    const mod = { name, relPath, raw, elf, info: modinfoOf(relPath, elf) };
    this.loaded.set(name, mod);
    return mod;
  }
  async dependsOf(name) {
    return (await this.load(name))?.info.depends;
  }
};

// src/provision/guest/guest-kernel.ts
var KERNEL_ENTRY_FORMAT = 2;
var KERNEL_MANIFEST = "kernel.json";
function kernelRecipe(arch) {
  return createHash2("sha256").update(JSON.stringify({ format: KERNEL_ENTRY_FORMAT, modules: arch.modules })).digest("hex").slice(0, 8);
}
function kernelEntryName(arch, deb) {
  return `${arch.debArch}-${deb.sha256.slice(0, 16)}-${kernelRecipe(arch)}`;
}
var seconds4 = (since) => `${((performance.now() - since) / 1e3).toFixed(1)} s`;
var mb = (n2) => `${(n2 / 1048576).toFixed(1)} MiB`;
async function makeBootKernel(arch, vmlinuz, signal) {
  if (arch.bootKernel === "Image") {
    const { image, compression: compression2 } = await extractArm64Image(vmlinuz, signal);
    return { bytes: image, compression: compression2 };
  }
  const { vmlinux, compression } = await extractVmlinux(vmlinuz, signal);
  return { bytes: vmlinux, compression };
}
async function buildKernelEntry(work, debBytes, ref, arch, log, signal) {
  const t = performance.now();
  const control = await debControl(debBytes, signal);
  const name = control.get("Package") ?? ref.name;
  const version = control.get("Version") ?? ref.version;
  const label = `${name} ${version}`;
  if (control.get("Architecture") !== arch.debArch) throw new InfraError(`${label} is for ${control.get("Architecture")}, not ${arch.debArch}`);
  const files = /* @__PURE__ */ new Map();
  for (const entry of tarEntries(await debTar(debBytes, "data", signal))) {
    if (entry.type === "file") files.set(entry.path, entry.data);
  }
  const release = [...files.keys()].map((p) => /^(?:usr\/)?lib\/modules\/([^/]+)\/kernel\//.exec(p)?.[1]).find((r) => r !== void 0);
  if (!release) throw new InfraError(`${label} has no lib/modules/<release>/kernel folder`);
  const modulesRel = [...files.keys()].find((p) => p.endsWith(`lib/modules/${release}/modules.builtin`))?.replace(/\/modules\.builtin$/, "") ?? `lib/modules/${release}`;
  const vmlinuz = files.get(`boot/vmlinuz-${release}`);
  if (!vmlinuz) throw new InfraError(`${label} has no boot/vmlinuz-${release}`);
  const boot = await makeBootKernel(arch, vmlinuz, signal).catch((err) => {
    if (err instanceof QfiError || signal?.aborted) throw err;
    throw new InfraError(`cannot make the ${arch.bootKernel} QEMU boots from boot/vmlinuz-${release} of ${label}: ${err.message}`, {
      hint: "set guest.kernel and guest.initrd to use a kernel of your own",
      cause: err
    });
  });
  const index = {};
  for (const path6 of [...files.keys()].sort()) {
    if (!path6.startsWith(`${modulesRel}/`)) continue;
    const rel = path6.slice(modulesRel.length + 1);
    const modName = moduleNameOfPath(rel);
    if (modName) index[modName] ??= rel;
  }
  const builtinText = Buffer.from(files.get(`${modulesRel}/modules.builtin`) ?? new Uint8Array()).toString("utf8");
  const tree = new ModuleTree(async (rel) => files.get(`${modulesRel}/${rel}`), index, parseModulesBuiltin(builtinText), signal);
  let keep;
  try {
    keep = await orderModules(arch.modules, tree);
  } catch (err) {
    if (err instanceof ModuleError)
      throw new InfraError(`guest kernel ${label}: ${err.message}`, { hint: "set guest.kernel and guest.initrd to use another kernel", cause: err });
    throw err;
  }
  const moduleFiles = {};
  for (const modName of keep) {
    const rel = index[modName];
    const dest = join18(work, modulesRel, rel);
    await mkdir2(dirname7(dest), { recursive: true });
    await writeFile5(dest, files.get(`${modulesRel}/${rel}`));
    moduleFiles[modName] = rel;
  }
  await mkdir2(join18(work, modulesRel), { recursive: true });
  await writeFile5(join18(work, modulesRel, "modules.builtin"), builtinText);
  await writeFile5(join18(work, arch.bootKernel), boot.bytes);
  const manifest = {
    format: KERNEL_ENTRY_FORMAT,
    package: { name, version, sha256: ref.sha256, filename: ref.filename },
    kernelRelease: release,
    compression: boot.compression,
    bootKernel: arch.bootKernel,
    bootKernelSha256: sha256Hex(boot.bytes),
    debArch: arch.debArch,
    modulesDir: modulesRel,
    moduleFiles
  };
  await writeFile5(join18(work, KERNEL_MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
  log.info(
    `guest kernel: ${label} unpacked in ${seconds4(t)}: ${arch.bootKernel} (${boot.compression}, ${mb(vmlinuz.length)} -> ${mb(boot.bytes.length)}) and ${keep.length} modules (${keep.join(", ")})`
  );
}
async function readKernelEntry(dir) {
  return kernelFromManifest(dir, await readFile3(join18(dir, KERNEL_MANIFEST), "utf8"));
}
function kernelFromManifest(dir, manifestText) {
  const m = JSON.parse(manifestText);
  return {
    dir,
    bootKernel: join18(dir, m.bootKernel),
    bootKernelSha256: m.bootKernelSha256,
    kernelRelease: m.kernelRelease,
    description: `${m.package.name} ${m.package.version}`,
    package: m.package,
    compression: m.compression,
    modulesDir: join18(dir, m.modulesDir),
    moduleFiles: m.moduleFiles
  };
}
async function ensureGuestKernel(opts) {
  const name = kernelEntryName(opts.arch, opts.ref);
  const dir = join18(guestCacheDir(opts.cacheDir, "kernel"), name);
  const how = await ensureGuestEntry(dir, `qfi-guest-kernel-${name}`, opts, async (work) => {
    const deb = await opts.download(opts.ref);
    await buildKernelEntry(work, deb, opts.ref, opts.arch, opts.log, opts.signal);
  });
  if (how === "restored") opts.log.info(`guest kernel: restored from the Actions cache (${name})`);
  else if (how === "cached") opts.log.debug(`guest kernel: cached in ${dir}`);
  return readKernelEntry(dir);
}

// src/provision/guest/guest-packages.ts
import { mkdir as mkdir3, readFile as readFile4, rename as rename2, writeFile as writeFile6 } from "node:fs/promises";
import { dirname as dirname8, join as join19 } from "node:path";

// src/core/temp-path.ts
import { randomBytes as randomBytes3 } from "node:crypto";
function privateTempPath(path6) {
  return `${path6}.${process.pid}-${randomBytes3(4).toString("hex")}.tmp`;
}

// src/provision/guest/guest-packages.ts
var GUEST_SUITE = "bookworm";
var SNAPSHOT_ARCHIVE = "https://snapshot.debian.org/archive/debian";
var INDEX_MAX_AGE_MS = 6 * 60 * 60 * 1e3;
var KERNEL_META_PACKAGE = {
  amd64: "linux-image-cloud-amd64",
  arm64: "linux-image-cloud-arm64"
};
var BUSYBOX_PACKAGE = "busybox-static";
function debRefOf(stanza, what) {
  const name = stanza.get("Package");
  const version = stanza.get("Version");
  const filename = stanza.get("Filename");
  const sha256 = stanza.get("SHA256");
  if (!name || !version || !filename || !sha256 || !/^[0-9a-f]{64}$/.test(sha256)) {
    throw new InfraError(`the index entry of ${what} lacks Package, Version, Filename or SHA256`, { hint: "set debian-mirror to another Debian mirror" });
  }
  return { name, version, filename, sha256, size: Number(stanza.get("Size") ?? 0) };
}
function packagesFromIndex(packages, arch) {
  const meta = KERNEL_META_PACKAGE[arch.debArch];
  const metaStanza = findPackageStanza(packages, meta);
  if (!metaStanza) throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${meta}`, { hint: "check debian-mirror: it must carry Debian 12" });
  const image = parseDepends(metaStanza.get("Depends") ?? "").find((d) => /^linux-image-\d/.test(d.name));
  if (!image) throw new InfraError(`${meta} depends on no versioned linux-image package (Depends: ${metaStanza.get("Depends") ?? ""})`);
  const imageStanza = findPackageStanza(packages, image.name);
  if (!imageStanza)
    throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${image.name}, which ${meta} depends on`, {
      hint: "the mirror may be in the middle of an update: retry later"
    });
  const busybox = findPackageStanza(packages, BUSYBOX_PACKAGE);
  if (!busybox) throw new InfraError(`the ${GUEST_SUITE} ${arch.debArch} index has no ${BUSYBOX_PACKAGE}`);
  return { kernel: debRefOf(imageStanza, image.name), busybox: debRefOf(busybox, BUSYBOX_PACKAGE) };
}
function memoPath(cacheDir, arch) {
  return join19(cacheDir, "guest", "index", `${GUEST_SUITE}-${arch.debArch}.json`);
}
async function readMemo(path6) {
  try {
    return JSON.parse(await readFile4(path6, "utf8"));
  } catch {
    return void 0;
  }
}
async function writeMemo(path6, memo) {
  await mkdir3(dirname8(path6), { recursive: true });
  const tmp = privateTempPath(path6);
  await writeFile6(tmp, `${JSON.stringify(memo, null, 2)}
`);
  await rename2(tmp, path6);
}
var NETWORK_HINT = "check the network, or set debian-mirror to a Debian mirror this machine reaches (or guest.kernel and guest.initrd to a guest of your own)";
async function fetchFreshRelease(mirror, opts) {
  try {
    return { release: await fetchRelease(mirror.url, GUEST_SUITE, { signal: opts.signal, hint: NETWORK_HINT }), mirror: mirror.url };
  } catch (err) {
    if (mirror.why === "debian-mirror" || mirror.url === DEBIAN_ARCHIVE || opts.signal?.aborted) throw err;
    opts.log.warn(`${mirror.url} (${mirror.why}) did not serve ${GUEST_SUITE}: ${err.message}; trying ${DEBIAN_ARCHIVE}`);
    return { release: await fetchRelease(DEBIAN_ARCHIVE, GUEST_SUITE, { signal: opts.signal, hint: NETWORK_HINT }), mirror: DEBIAN_ARCHIVE };
  }
}
async function resolveGuestPackages(opts) {
  const path6 = memoPath(opts.cacheDir, opts.arch);
  const memo = await readMemo(path6);
  const now = opts.now ?? Date.now();
  if (memo && memo.mirror === opts.mirror.url && now - Date.parse(memo.checkedAt) < INDEX_MAX_AGE_MS) return { packages: memo.packages, mirror: memo.mirror };
  let fresh;
  try {
    fresh = await fetchFreshRelease(opts.mirror, opts);
  } catch (err) {
    if (!memo || opts.signal?.aborted) throw err;
    opts.log.warn(
      `${err.message}; using the guest packages resolved at ${memo.checkedAt} (${memo.packages.kernel.name} ${memo.packages.kernel.version})`
    );
    return { packages: memo.packages, mirror: memo.mirror };
  }
  const { release, mirror } = fresh;
  const want = release.files.get(`main/binary-${opts.arch.debArch}/Packages.gz`)?.sha256;
  let packages;
  if (memo && want && memo.packagesSha256 === want) {
    packages = memo.packages;
  } else {
    const t = performance.now();
    const index = await fetchPackagesIndex(mirror, release, opts.arch.debArch, { signal: opts.signal, hint: NETWORK_HINT });
    packages = { ...packagesFromIndex(index.text, opts.arch), suite: GUEST_SUITE, snapshot: snapshotStamp(release.date), trust: release.trust };
    opts.log.info(
      `guest packages: ${GUEST_SUITE} index of ${release.date} from ${mirror} (${release.trust}) read in ${((performance.now() - t) / 1e3).toFixed(1)} s`
    );
  }
  await writeMemo(path6, { mirror, packagesSha256: want ?? "", checkedAt: new Date(now).toISOString(), packages });
  return { packages, mirror };
}
function printGuestPin(p) {
  return [
    `suite=${p.suite}`,
    ...p.snapshot ? [`snapshot=${p.snapshot}`] : [],
    `kernel=${p.kernel.filename}@${p.kernel.sha256}`,
    `busybox=${p.busybox.filename}@${p.busybox.sha256}`
  ].join(" ");
}
function refFromPool(filename, sha256) {
  const base = filename.slice(filename.lastIndexOf("/") + 1).replace(/\.deb$/, "");
  const [name = base, version = ""] = base.split("_");
  return { name, version: decodeURIComponent(version), filename, sha256, size: 0 };
}
function parseGuestPin(text, arch) {
  const where = { input: "guest-pin" };
  const fields = /* @__PURE__ */ new Map();
  for (const word of text.trim().split(/\s+/)) {
    const eq = word.indexOf("=");
    if (eq <= 0)
      throw new ConfigError(`guest-pin: "${word}" is not key=value`, { location: where, hint: "copy the pin from a run's summary.json (guest.pin)" });
    fields.set(word.slice(0, eq), word.slice(eq + 1));
  }
  const deb = (key) => {
    const value = fields.get(key);
    const m = value ? /^(pool\/[A-Za-z0-9._+~%/-]+\.deb)@([0-9a-f]{64})$/.exec(value) : null;
    if (!m)
      throw new ConfigError(`guest-pin: ${key}= must be a pool path and its sha256 (pool/\u2026/NAME_VERSION_ARCH.deb@SHA256), got ${value ?? "nothing"}`, {
        location: where,
        hint: "copy the pin from a run's summary.json (guest.pin)"
      });
    if (!m[1].endsWith(`_${arch.debArch}.deb`))
      throw new ConfigError(`guest-pin: ${key}= is not a ${arch.debArch} package (${m[1]})`, {
        location: where,
        hint: "the pin belongs to a guest of another arch: set arch to match it"
      });
    return refFromPool(m[1], m[2]);
  };
  const snapshot = fields.get("snapshot");
  if (snapshot !== void 0 && !/^\d{8}T\d{6}Z$/.test(snapshot))
    throw new ConfigError(`guest-pin: snapshot=${snapshot} is not a timestamp like 20260711T101637Z`, { location: where });
  return { kernel: deb("kernel"), busybox: deb("busybox"), suite: fields.get("suite") ?? GUEST_SUITE, snapshot, trust: "pinned by sha256" };
}
async function fetchDeb(ref, opts) {
  const urls = [`${opts.mirror}/${ref.filename}`];
  if (opts.snapshot) urls.push(`${SNAPSHOT_ARCHIVE}/${opts.snapshot}/${ref.filename}`);
  const size = ref.size ? ` (${(ref.size / 1048576).toFixed(1)} MiB)` : "";
  let lastError;
  for (const url of urls) {
    opts.log.info(`guest packages: downloading ${ref.name} ${ref.version}${size} from ${url}`);
    let bytes;
    try {
      bytes = await fetchBytes(url, { signal: opts.signal, progress: { log: opts.log, label: `downloading ${ref.name}` }, hint: NETWORK_HINT });
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      lastError = err;
      if (err instanceof HttpStatusError && err.status === 404 || url !== urls[0]) continue;
      throw err;
    }
    const got = sha256Hex(bytes);
    if (got !== ref.sha256 || ref.size && bytes.length !== ref.size) {
      throw new InfraError(
        `${url} has sha256 ${got} (${bytes.length} bytes), not the ${ref.sha256}${ref.size ? ` (${ref.size} bytes)` : ""} the index gives; it was not used`,
        {
          hint: "retry (the mirror may be updating), or set debian-mirror to another Debian mirror"
        }
      );
    }
    return bytes;
  }
  throw new InfraError(`${ref.name} ${ref.version} is neither on ${opts.mirror} nor in ${SNAPSHOT_ARCHIVE}: ${lastError.message}`, {
    hint: "a pinned guest that no archive keeps any more cannot be rebuilt: drop guest-pin to use the current guest"
  });
}

// src/provision/guest/initramfs.ts
import { readFile as readFile5, writeFile as writeFile7 } from "node:fs/promises";
import { createHash as createHash3 } from "node:crypto";
import { join as join21 } from "node:path";

// src/core/package-root.ts
import { existsSync as existsSync16, readFileSync as readFileSync9 } from "node:fs";
import { dirname as dirname9, join as join20 } from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
var cached;
function packageRoot() {
  if (cached) return cached;
  let dir = dirname9(fileURLToPath3(import.meta.url));
  for (; ; ) {
    const manifest = join20(dir, "package.json");
    if (existsSync16(manifest)) {
      try {
        if (JSON.parse(readFileSync9(manifest, "utf8")).name === "qfi") return cached = dir;
      } catch {
      }
    }
    const parent = dirname9(dir);
    if (parent === dir) throw new Error(`qfi package root not found above ${fileURLToPath3(import.meta.url)}`);
    dir = parent;
  }
}

// src/provision/guest/cpio-newc.ts
var S_IFDIR = 16384;
var S_IFREG = 32768;
var S_IFLNK = 40960;
var HEADER_SIZE2 = 110;
var TRAILER = "TRAILER!!!";
var CpioError = class extends Error {
  name = "CpioError";
};
function normalizeCpioPath(path6) {
  const parts = path6.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) throw new CpioError(`bad archive path ${JSON.stringify(path6)}`);
  return parts.join("/");
}
var pad4 = (n2) => (4 - n2 % 4) % 4;
function hex8(n2) {
  if (!Number.isInteger(n2) || n2 < 0 || n2 > 4294967295) throw new CpioError(`cpio field out of range: ${n2}`);
  return n2.toString(16).padStart(8, "0");
}
function record(ino, mode, nlink, name, data) {
  const nameBytes = Buffer.from(`${name}\0`, "utf8");
  const fields = [ino, mode, 0, 0, nlink, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0];
  const header = Buffer.from(`070701${fields.map(hex8).join("")}`, "latin1");
  return [
    header,
    nameBytes,
    Buffer.alloc(pad4(HEADER_SIZE2 + nameBytes.length)),
    Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    Buffer.alloc(pad4(data.length))
  ];
}
function writeCpioNewc(entries) {
  const chunks = [];
  const seen = /* @__PURE__ */ new Map();
  let ino = 0;
  for (const entry of entries) {
    const path6 = normalizeCpioPath(entry.path);
    if (seen.has(path6)) throw new CpioError(`duplicate archive path ${path6}`);
    const slash = path6.lastIndexOf("/");
    if (slash > 0 && seen.get(path6.slice(0, slash)) !== "dir") {
      throw new CpioError(`${path6}: its directory ${path6.slice(0, slash)} must be listed before it`);
    }
    seen.set(path6, entry.type);
    ino += 1;
    switch (entry.type) {
      case "dir":
        chunks.push(...record(ino, S_IFDIR | (entry.mode ?? 493) & 4095, 2, path6, new Uint8Array(0)));
        break;
      case "file":
        chunks.push(...record(ino, S_IFREG | (entry.mode ?? 420) & 4095, 1, path6, entry.data));
        break;
      case "symlink":
        chunks.push(...record(ino, S_IFLNK | 511, 1, path6, Buffer.from(entry.target, "utf8")));
        break;
    }
  }
  chunks.push(...record(0, 0, 1, TRAILER, new Uint8Array(0)));
  return Buffer.concat(chunks);
}

// src/provision/guest/initramfs.ts
var INITRAMFS_FORMAT = 4;
var INITRAMFS_FILE = "initramfs.cpio";
var INITRAMFS_MANIFEST = "initramfs.json";
var MODULE_LIST_PATH = "etc/qfi/modules";
function agentScriptPath() {
  return join21(packageRoot(), "guest", "qfi-init.sh");
}
function faultHelperPath() {
  return join21(packageRoot(), "guest", "qfi-fault.sh");
}
function initramfsKey(inputs) {
  const h2 = createHash3("sha256");
  const part = (label, bytes) => {
    const b = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
    h2.update(`${label}:${b.length}:`);
    h2.update(b);
  };
  part("format", String(INITRAMFS_FORMAT));
  part("release", inputs.kernelRelease);
  part("agent", inputs.agent);
  part("fault-helper", inputs.faultHelper);
  part("busybox", inputs.busybox.bytes);
  for (const m of inputs.modules) {
    part("module-path", m.relPath);
    part("module", m.raw);
  }
  return h2.digest("hex").slice(0, 32);
}
function parents(path6) {
  const parts = path6.split("/");
  return parts.slice(0, -1).map((_, i2) => parts.slice(0, i2 + 1).join("/"));
}
function initramfsEntries(inputs) {
  const entries = [];
  const dirs = /* @__PURE__ */ new Set();
  const dir = (path6, mode = 493) => {
    for (const p of [...parents(path6), path6]) {
      if (dirs.has(p)) continue;
      dirs.add(p);
      entries.push({ type: "dir", path: p, mode: p === path6 ? mode : 493 });
    }
  };
  for (const d of ["bin", "sbin", "usr/bin", "usr/sbin", "dev", "proc", "sys", "run", "etc/qfi"]) dir(d);
  dir("tmp", 1023);
  dir("root", 448);
  entries.push({ type: "file", path: "bin/busybox", data: inputs.busybox.bytes, mode: 493 });
  entries.push({ type: "symlink", path: "bin/sh", target: "busybox" });
  entries.push({ type: "file", path: "init", data: inputs.agent, mode: 493 });
  entries.push({ type: "file", path: "usr/bin/qfi-fault", data: inputs.faultHelper, mode: 493 });
  const guestPaths = [];
  for (const m of inputs.modules) {
    const path6 = `lib/modules/${inputs.kernelRelease}/${uncompressedModulePath(m.relPath)}`;
    dir(path6.slice(0, path6.lastIndexOf("/")));
    entries.push({ type: "file", path: path6, data: m.elf, mode: 420 });
    guestPaths.push(`/${path6}`);
  }
  entries.push({ type: "file", path: MODULE_LIST_PATH, data: Buffer.from(guestPaths.map((p) => `${p}
`).join("")), mode: 420 });
  entries.push({ type: "file", path: "etc/qfi/kernel-release", data: Buffer.from(`${inputs.kernelRelease}
`), mode: 420 });
  return entries;
}
async function loadModules(kernel, wanted, signal) {
  let builtinText = "";
  try {
    builtinText = await readFile5(join21(kernel.modulesDir, "modules.builtin"), "utf8");
  } catch {
  }
  const tree = new ModuleTree(kernel.modulesDir, kernel.moduleFiles, parseModulesBuiltin(builtinText), signal);
  try {
    const order = await orderModules(wanted, tree);
    return await Promise.all(order.map(async (name) => await tree.load(name)));
  } catch (err) {
    if (err instanceof ModuleError) {
      throw new InfraError(`guest kernel ${kernel.description}: ${err.message}`, {
        hint: "the built-in guest needs these drivers; set guest.kernel and guest.initrd to use another kernel",
        cause: err
      });
    }
    throw err;
  }
}
async function ensureInitramfs(opts) {
  const busybox = opts.busybox;
  const [agent, faultHelper, modules] = await Promise.all([
    readFile5(agentScriptPath()),
    readFile5(faultHelperPath()),
    loadModules(opts.kernel, opts.modules, opts.signal)
  ]);
  const inputs = { agent, faultHelper, busybox, kernelRelease: opts.kernel.kernelRelease, modules };
  const dir = join21(guestCacheDir(opts.cacheDir, "initramfs"), initramfsKey(inputs));
  const how = await ensureGuestEntry(dir, "", { log: opts.log }, async (work) => {
    const t = performance.now();
    opts.signal?.throwIfAborted();
    const cpio = writeCpioNewc(initramfsEntries(inputs));
    await writeFile7(join21(work, INITRAMFS_FILE), cpio);
    const manifest = { sha256: sha256Hex(cpio), busybox: busybox.description, kernel: opts.kernel.description, modules: modules.map((m) => m.relPath) };
    await writeFile7(join21(work, INITRAMFS_MANIFEST), `${JSON.stringify(manifest, null, 2)}
`);
    opts.log.info(
      `guest initramfs: ${modules.length} modules + busybox, ${(cpio.length / 1024).toFixed(0)} KiB, built in ${(performance.now() - t).toFixed(0)} ms`
    );
  });
  if (how === "cached") opts.log.debug(`guest initramfs: cached in ${dir}`);
  const { sha256 } = JSON.parse(await readFile5(join21(dir, INITRAMFS_MANIFEST), "utf8"));
  return { path: join21(dir, INITRAMFS_FILE), sha256 };
}

// src/provision/guest/index.ts
async function ensureBuiltinGuest(opts) {
  opts.signal?.throwIfAborted();
  const archName = opts.arch ?? "x86_64";
  const arch = guestArch[archName];
  const mirror = chooseMirror(opts.mirror);
  let packages;
  let mirrorUrl = mirror.url;
  if (opts.pin) {
    packages = parseGuestPin(opts.pin, arch);
  } else {
    ({ packages, mirror: mirrorUrl } = await resolveGuestPackages({
      cacheDir: opts.cacheDir,
      arch,
      mirror,
      log: opts.log,
      ...opts.signal ? { signal: opts.signal } : {}
    }));
  }
  opts.log.debug(
    `guest packages: ${packages.kernel.name} ${packages.kernel.version}, ${packages.busybox.name} ${packages.busybox.version} (${mirror.why}: ${mirrorUrl})`
  );
  const download = (ref) => fetchDeb(ref, { mirror: mirrorUrl, snapshot: packages.snapshot, log: opts.log, ...opts.signal ? { signal: opts.signal } : {} });
  const common3 = { cacheDir: opts.cacheDir, arch, download, remoteCache: opts.remoteCache, log: opts.log, ...opts.signal ? { signal: opts.signal } : {} };
  const [kernel, busybox] = await Promise.all([
    ensureGuestKernel({ ...common3, ref: packages.kernel }),
    ensureGuestBusybox({ ...common3, ref: packages.busybox })
  ]);
  const initramfs = await ensureInitramfs({ ...opts, kernel, busybox, modules: arch.modules });
  const removed = await pruneGuestCache(opts.cacheDir, [
    kernel.dir,
    busybox.path.slice(0, busybox.path.lastIndexOf("/")),
    initramfs.path.slice(0, initramfs.path.lastIndexOf("/"))
  ]).catch(() => []);
  if (removed.length) opts.log.info(`guest cache: removed ${removed.length} unused entr${removed.length === 1 ? "y" : "ies"}`);
  const identity3 = {
    arch: archName,
    suite: packages.suite,
    mirror: mirrorUrl,
    trust: packages.trust,
    kernel: { package: kernel.package.name, version: kernel.package.version, debSha256: kernel.package.sha256, filename: kernel.package.filename },
    busybox: { package: busybox.package.name, version: busybox.package.version, debSha256: busybox.package.sha256, filename: busybox.package.filename },
    kernelRelease: kernel.kernelRelease,
    kernelSha256: kernel.bootKernelSha256,
    initrdSha256: initramfs.sha256,
    pin: printGuestPin(packages)
  };
  return { arch: archName, kernel: kernel.bootKernel, initrd: initramfs.path, kernelRelease: kernel.kernelRelease, description: kernel.description, identity: identity3 };
}

// src/provision/guest/guest-files.ts
import { existsSync as existsSync17, readFileSync as readFileSync10, statSync as statSync9 } from "node:fs";
import { writeFile as writeFile8 } from "node:fs/promises";
import { dirname as dirname10, join as join22, posix as posix2 } from "node:path";
import { gzipSync } from "node:zlib";

// src/provision/guest/elf-dynamic.ts
var PT_LOAD = 1;
var PT_DYNAMIC = 2;
var PT_INTERP2 = 3;
var DT_NULL = 0n;
var DT_NEEDED = 1n;
var DT_STRTAB = 5n;
var DT_RPATH = 15n;
var DT_RUNPATH = 29n;
function readElfDynamic(bytes) {
  const v = elf64View(bytes);
  const machine = elfMachine(bytes);
  const phoff = Number(v.getBigUint64(32, true));
  const phentsize = v.getUint16(54, true);
  const phnum = v.getUint16(56, true);
  if (phoff + phentsize * phnum > bytes.length) throw new ElfFormatError("program header table lies outside the file");
  const segments = [];
  for (let i2 = 0; i2 < phnum; i2++) {
    const at = phoff + i2 * phentsize;
    segments.push({
      type: v.getUint32(at, true),
      offset: Number(v.getBigUint64(at + 8, true)),
      vaddr: v.getBigUint64(at + 16, true),
      filesz: Number(v.getBigUint64(at + 32, true))
    });
  }
  const cString2 = (offset) => {
    if (offset < 0 || offset >= bytes.length) throw new ElfFormatError("string lies outside the file");
    const end = bytes.indexOf(0, offset);
    return Buffer.from(bytes.subarray(offset, end === -1 ? bytes.length : end)).toString("utf8");
  };
  const interp = segments.find((s) => s.type === PT_INTERP2);
  const interpreter = interp ? cString2(interp.offset) : void 0;
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC);
  if (!dynamic) return { machine, interpreter, needed: [], searchPaths: [] };
  const entries = [];
  for (let at = dynamic.offset; at + 16 <= dynamic.offset + dynamic.filesz && at + 16 <= bytes.length; at += 16) {
    const tag = v.getBigInt64(at, true);
    if (tag === DT_NULL) break;
    entries.push([tag, v.getBigUint64(at + 8, true)]);
  }
  const strtab = entries.find(([tag]) => tag === DT_STRTAB)?.[1];
  if (strtab === void 0) throw new ElfFormatError("dynamic section without a string table");
  const load2 = segments.find((s) => s.type === PT_LOAD && strtab >= s.vaddr && strtab < s.vaddr + BigInt(s.filesz));
  if (!load2) throw new ElfFormatError("the dynamic string table is in no loaded segment");
  const strOffset = load2.offset + Number(strtab - load2.vaddr);
  const strings = (tag) => entries.filter(([t]) => t === tag).map(([, value]) => cString2(strOffset + Number(value)));
  const runpath = strings(DT_RUNPATH);
  const rpath = strings(DT_RPATH);
  const searchPaths = (runpath.length > 0 ? runpath : rpath).flatMap((p) => p.split(":")).filter((p) => p !== "");
  return { machine, interpreter, needed: strings(DT_NEEDED), searchPaths };
}

// src/provision/guest/guest-files.ts
var triplet = (arch) => `${arch}-linux-gnu`;
function librarySearchDirs(arch) {
  const t = triplet(arch);
  return [`/lib/${t}`, `/usr/lib/${t}`, ...arch === "x86_64" ? ["/lib64", "/usr/lib64"] : [], "/lib", "/usr/lib", "/usr/local/lib", `/usr/${t}/lib`];
}
function resolveGuestFiles(files, arch) {
  const placed = /* @__PURE__ */ new Map();
  const machine = guestArch[arch].elfMachine;
  const add = (file) => {
    if (!placed.has(file.dest)) placed.set(file.dest, file);
  };
  for (const file of files) {
    add({ dest: file.dest, source: file.path, mode: file.mode ?? statSync9(file.path).mode & 4095, neededBy: void 0 });
    const bytes = readFileSync10(file.path);
    if (!isElf(bytes)) continue;
    const info = readElfDynamic(bytes);
    if (info.machine !== machine) {
      throw new ConfigError(`files: ${file.path} is a program for another CPU (ELF machine ${info.machine}), but the guest is ${arch}`, {
        location: { input: "files" },
        hint: `build it for ${arch} (a cross compiler, e.g. ${triplet(arch)}-gcc), or set arch to match`
      });
    }
    for (const lib of dependencies(file.path, file.dest, info, arch)) add(lib);
  }
  return [...placed.values()];
}
function dependencies(program, dest, info, arch) {
  const out = [];
  const dirs = librarySearchDirs(arch);
  const t = triplet(arch);
  const systemGuestPath = (hostPath) => hostPath.startsWith(`/usr/${t}/lib/`) ? `/lib/${t}/${posix2.basename(hostPath)}` : hostPath;
  if (info.interpreter) {
    const host = [info.interpreter, ...dirs.map((d) => join22(d, posix2.basename(info.interpreter)))].find((p) => existsSync17(p));
    if (!host) throw missingLibrary(program, info.interpreter, [dirname10(info.interpreter), ...dirs]);
    out.push({ dest: info.interpreter, source: host, mode: 493, neededBy: program });
  }
  const seen = new Set(info.interpreter ? [posix2.basename(info.interpreter)] : []);
  const queue = info.needed.map((name) => ({
    name,
    by: program,
    hostOrigin: dirname10(program),
    guestOrigin: posix2.dirname(dest),
    searchPaths: info.searchPaths
  }));
  while (queue.length > 0) {
    const want = queue.shift();
    if (seen.has(want.name)) continue;
    seen.add(want.name);
    const origin = (p, o2) => p.replaceAll("${ORIGIN}", o2).replaceAll("$ORIGIN", o2);
    const candidates = want.name.includes("/") ? [[want.name, want.name]] : [
      ...want.searchPaths.map((p) => [join22(origin(p, want.hostOrigin), want.name), posix2.join(origin(p, want.guestOrigin), want.name)]),
      ...dirs.map((d) => [join22(d, want.name), systemGuestPath(join22(d, want.name))])
    ];
    let found;
    for (const [host2, guest2] of candidates) {
      const lib2 = existsSync17(host2) && statSync9(host2).isFile() ? libraryFor(host2, arch) : void 0;
      if (lib2) {
        found = { host: host2, guest: guest2, lib: lib2 };
        break;
      }
    }
    if (!found) throw missingLibrary(want.by, want.name, want.name.includes("/") ? [] : candidates.map(([host2]) => dirname10(host2)));
    const { host, guest, lib } = found;
    out.push({ dest: guest, source: host, mode: 493, neededBy: want.by });
    for (const next of lib.needed)
      queue.push({ name: next, by: host, hostOrigin: dirname10(host), guestOrigin: posix2.dirname(guest), searchPaths: lib.searchPaths });
  }
  return out;
}
function libraryFor(path6, arch) {
  const bytes = readFileSync10(path6);
  if (!isElf(bytes) || bytes[4] !== 2) return void 0;
  const info = readElfDynamic(bytes);
  return info.machine === guestArch[arch].elfMachine ? info : void 0;
}
function missingLibrary(program, name, searched) {
  return new ConfigError(
    `files: ${program} needs ${name}, which is not on this host${searched.length ? ` (looked in ${[...new Set(searched)].join(", ")})` : ""}`,
    {
      location: { input: "files" },
      hint: "install the package that has it on the runner, add the library itself to files, or link the program statically (-static)"
    }
  );
}
function guestFileEntries(placed) {
  const dirs = /* @__PURE__ */ new Set();
  for (const file of placed) {
    for (let d = posix2.dirname(file.dest); d !== "/" && d !== "."; d = posix2.dirname(d)) dirs.add(d);
  }
  const entries = [...dirs].sort().map((d) => ({ type: "dir", path: d, mode: 493 }));
  for (const file of placed) entries.push({ type: "file", path: file.dest, mode: file.mode, data: readFileSync10(file.source) });
  return entries;
}
async function initrdWithFiles(base, placed, out) {
  await writeFile8(out, Buffer.concat([readFileSync10(base), gzipSync(writeCpioNewc(guestFileEntries(placed)))]), { mode: 384 });
}

// src/provision/kernel-format.ts
import { open } from "node:fs/promises";
var MULTIBOOT1_MAGIC = 464367618;
var MULTIBOOT2_MAGIC = 3897708758;
function kernelFormatOf(head) {
  const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let at = 0; at + 12 <= Math.min(head.length, 8192); at += 4) {
    const magic = v.getUint32(at, true);
    if (magic === MULTIBOOT1_MAGIC && magic + v.getUint32(at + 4, true) + v.getUint32(at + 8, true) >>> 0 === 0) return "multiboot";
  }
  for (let at = 0; at + 16 <= Math.min(head.length, 32768); at += 8) {
    if (v.getUint32(at, true) === MULTIBOOT2_MAGIC && MULTIBOOT2_MAGIC + v.getUint32(at + 4, true) + v.getUint32(at + 8, true) + v.getUint32(at + 12, true) >>> 0 === 0)
      return "multiboot";
  }
  const ascii = (at, text) => head.length >= at + text.length && Buffer.from(head.subarray(at, at + text.length)).toString("latin1") === text;
  if (ascii(514, "HdrS")) return "linux";
  if (ascii(56, "ARMd")) return "linux";
  if (ascii(0, "\x7FELF")) return "linux";
  return "other";
}
async function detectKernelFormat(path6) {
  const file = await open(path6, "r");
  try {
    const head = new Uint8Array(32768);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return kernelFormatOf(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

// src/provision/kvm-probe.ts
import { accessSync as accessSync2, constants as constants6, mkdirSync as mkdirSync2, readFileSync as readFileSync11, renameSync, statSync as statSync10, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join23 } from "node:path";
var probeExitCode = 99;
function writeProbeFirmware(dir) {
  const image = Buffer.alloc(64 * 1024, 244);
  Buffer.from([176, 49, 230, 244, 244]).copy(image, 65520);
  const path6 = join23(dir, "kvm-probe.bin");
  writeFileSync3(path6, image);
  return path6;
}
var kernelProbeTimeoutMs = 8e3;
async function probeKvm(target, workDir, signal) {
  try {
    accessSync2("/dev/kvm", constants6.R_OK | constants6.W_OK);
  } catch {
    return { usable: false, reason: "/dev/kvm is missing or not accessible" };
  }
  const common3 = [
    "-accel",
    "kvm",
    "-cpu",
    "host",
    "-machine",
    "q35",
    "-nodefaults",
    "-display",
    "none",
    "-no-reboot",
    ...target.firmwareDirs.flatMap((d) => ["-L", d])
  ];
  const cancel = signal ? { cancelSignal: signal } : {};
  const firmware = writeProbeFirmware(workDir);
  const result = await execa(...diesWithParent(target.qemuBinary, [...common3, "-bios", firmware, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]), {
    reject: false,
    timeout: 1e4,
    stdin: "ignore",
    ...cancel
  });
  if (result.exitCode !== probeExitCode) {
    const detail = result.timedOut ? "timed out" : `exit ${result.exitCode ?? result.signal}: ${result.stderr.trim().split("\n").pop() ?? ""}`;
    return { usable: false, reason: `KVM probe failed (${detail})` };
  }
  if (!target.kernel) return { usable: true, reason: "KVM ran the probe code" };
  const boot = await execa(
    ...diesWithParent(target.qemuBinary, [
      ...common3,
      "-m",
      "256",
      "-serial",
      "stdio",
      ...target.bios ? ["-bios", target.bios] : [],
      "-kernel",
      target.kernel,
      "-append",
      "console=ttyS0 panic=-1 loglevel=4"
    ]),
    { reject: false, timeout: kernelProbeTimeoutMs, stdin: "ignore", ...cancel }
  );
  if (/Kernel panic/.test(boot.stdout) && boot.exitCode === 0) return { usable: true, reason: "KVM booted the guest kernel" };
  const why = boot.timedOut ? `the guest kernel did not get to its root-mount panic within ${kernelProbeTimeoutMs / 1e3} s` : `QEMU exited with ${boot.exitCode ?? boot.signal}`;
  return { usable: false, reason: `KVM runs probe code but not the guest kernel (${why})` };
}
function probeKey(target) {
  const parts = [target.qemuBinary, target.kernel ?? "no-kernel"];
  try {
    parts.push(readFileSync11("/proc/sys/kernel/random/boot_id", "utf8").trim());
  } catch {
    parts.push(`no-boot-id-${Date.now()}`);
  }
  for (const path6 of [target.qemuBinary, target.kernel ?? "/dev/null", "/dev/kvm"]) {
    try {
      const s = statSync10(path6);
      parts.push(`${s.ino}:${s.size}:${s.mode}:${s.uid}:${s.gid}:${s.mtimeMs}:${s.ctimeMs}`);
    } catch {
      parts.push(`${path6}:missing`);
    }
  }
  return parts.join("|");
}
async function probeKvmCached(target, cacheDir, workDir, signal) {
  const file = join23(cacheDir, "kvm-probe.json");
  const key = probeKey(target);
  let records = {};
  try {
    records = JSON.parse(readFileSync11(file, "utf8"));
  } catch {
  }
  const saved = records[key];
  if (saved) return { usable: saved.usable, reason: `${saved.reason} (probed earlier this boot)` };
  const result = await probeKvm(target, workDir, signal);
  try {
    mkdirSync2(cacheDir, { recursive: true });
    const tmp = privateTempPath(file);
    const bootId = key.split("|")[2] ?? "";
    const kept = Object.fromEntries(Object.entries(records).filter(([k]) => k.split("|")[2] === bootId));
    writeFileSync3(tmp, JSON.stringify({ ...kept, [key]: result }));
    renameSync(tmp, file);
  } catch {
  }
  return result;
}

// src/provision/qemu-build/build-plugin.ts
import { createHash as createHash4 } from "node:crypto";
import { existsSync as existsSync18, mkdirSync as mkdirSync3, readdirSync as readdirSync3, readFileSync as readFileSync12, renameSync as renameSync2 } from "node:fs";
import { basename as basename4, join as join24 } from "node:path";
var PLUGIN_CFLAGS = ["-shared", "-fPIC", "-O2", "-Wall", "-Wextra", "-Werror", "-fvisibility=hidden"];
async function buildPlugin(sources, qemu, opts) {
  const glib = await execa("pkg-config", ["--cflags", "glib-2.0"], { stdin: "ignore" });
  const includes = [join24(qemu.prefix, "include"), ...opts.includeDirs ?? []].map((d) => `-I${d}`);
  const flags = [...PLUGIN_CFLAGS, ...includes, ...glib.stdout.trim().split(/\s+/).filter(Boolean)];
  const h2 = createHash4("sha256");
  for (const source of sources) h2.update(source).update("\0").update(readFileSync12(source)).update("\0");
  for (const dir2 of opts.includeDirs ?? []) for (const header of headersIn(dir2)) h2.update(header).update(readFileSync12(header));
  const hash = h2.update(`\0${qemu.key}\0${PLUGIN_CFLAGS.join(" ")}`).digest("hex").slice(0, 16);
  const dir = join24(opts.cacheDir, "plugins", hash);
  const so = join24(dir, "plugin.so");
  if (existsSync18(so)) return so;
  mkdirSync3(dir, { recursive: true });
  const tmp = privateTempPath(so);
  const t0 = Date.now();
  const result = await execa(...diesWithParent("cc", [...flags, "-o", tmp, ...sources]), {
    stdin: "ignore",
    reject: false,
    all: true,
    ...opts.signal ? { cancelSignal: opts.signal } : {}
  });
  if (result.exitCode !== 0) {
    throw new ConfigError(
      `the plugin ${sources.join(" ")} does not compile against QEMU's qemu-plugin.h:
${(result.all ?? "").trim().split("\n").slice(0, 20).join("\n")}`,
      {
        location: { input: opts.input ?? "plugin" },
        hint: `compiled with: cc ${flags.join(" ")}`
      }
    );
  }
  renameSync2(tmp, so);
  opts.log.info(`plugin ${sources.map((f) => basename4(f)).join(" ")} compiled in ${Date.now() - t0} ms`);
  return so;
}
function headersIn(dir) {
  return readdirSync3(dir).filter((f) => f.endsWith(".h")).sort().map((f) => join24(dir, f));
}
function qfiPluginSources(pluginDir) {
  return readdirSync3(pluginDir).filter((f) => f.endsWith(".c")).sort().map((f) => join24(pluginDir, f));
}

// src/provision/qemu-build/build-qemu.ts
import { copyFileSync as copyFileSync2, createWriteStream as createWriteStream4, existsSync as existsSync22, mkdirSync as mkdirSync5, readFileSync as readFileSync17, renameSync as renameSync4, rmSync as rmSync3, writeFileSync as writeFileSync5 } from "node:fs";
import { availableParallelism } from "node:os";
import { join as join28 } from "node:path";

// src/provision/qemu-build/build-deps.ts
import { existsSync as existsSync20, readFileSync as readFileSync14 } from "node:fs";
import { join as join26 } from "node:path";

// src/provision/packages.json
var packages_default = {
  about: "The one list of the Debian/Ubuntu packages qfi needs on its host. scripts/install-deps.sh installs the groups it is asked for (none: demo; --test; --build), qfi's QEMU build check (src/provision/qemu-build/build-deps.ts) names and installs build packages from it, and test/unit/provision/packages.test.ts checks the three agree. Fields: name, why; skipIfCommand / skipIfPythonModule: not needed when that command or Python module is already there; minVersion: older counts as missing; backports: on Debian it comes from <codename>-backports (the release's own is missing or too old), elsewhere it is not installed.",
  groups: {
    demo: {
      about: "What `npm run demo` needs at run time: the system QEMU it boots the built-in guest on (the guest's kernel and busybox are downloaded from Debian's archive by qfi itself) and the demo's JUnit check.",
      packages: [
        { name: "qemu-system-x86", why: "qemu-system-x86_64: the system QEMU for runs that need no QEMU build" },
        { name: "qemu-system-data", why: "qboot.rom: the fast direct kernel boot of the built-in guest" },
        { name: "libxml2-utils", why: "xmllint: the demo (and tests) validate junit.xml against the JUnit schema" }
      ]
    },
    test: {
      about: "What the tests use beyond the demo group; npm test installs it with the build group, so a package both need is listed once, in build.",
      packages: [
        {
          name: "busybox-static",
          why: "tests run guest/qfi-fault.sh and check the agent script under the host's /bin/busybox (the guest's own busybox comes from Debian's archive)"
        },
        { name: "cpio", why: "tests read back the initramfs qfi writes with GNU cpio" },
        { name: "lz4", why: "tests check qfi's LZ4 decoder against the real tool" },
        { name: "xz-utils", why: "xz: compression tests; tar -xJ of the QEMU source tarball (plugin API headers)" },
        { name: "zstd", why: "compression tests compress with the real zstd" },
        { name: "libc6-dev", why: "static libc for the guest programs the tests build with gcc -static (gcc only recommends it)" },
        { name: "binutils", why: "ld, objcopy and nm for the checksum guest (test/fixtures/guests/checksum/build.sh)" },
        { name: "procps", why: "pgrep: the qtest tests check that no QEMU is left running" },
        { name: "gcc-aarch64-linux-gnu", why: "the guest SDK's example kernel for aarch64 and a cross-built dynamic program for `files`" },
        { name: "libc6-dev-arm64-cross", why: "libc for that program (libraries resolved from /usr/aarch64-linux-gnu)" },
        { name: "qemu-system-arm", why: "qemu-system-aarch64: boots that kernel and the built-in aarch64 guest (-M virt)" },
        { name: "qemu-utils", why: "qemu-img: the Debian test image's qcow2 and test overlays" },
        { name: "debootstrap", why: "scripts/build-debian-image.sh: the Debian disk image with qemu-guest-agent (test/integration/guest-agent)" },
        { name: "extlinux", why: "that image's BIOS bootloader" },
        { name: "syslinux-common", why: "extlinux's mbr.bin (extlinux only recommends this package; without it the image has no bootloader)" },
        { name: "fdisk", why: "sfdisk: that image's partition table" },
        { name: "e2fsprogs", why: "mkfs.ext4 -d: that image's filesystem, filled from a folder" },
        { name: "rustc", why: "the Rust guest SDK's tests (Debian's 1.63 is enough)", skipIfCommand: ["rustc", "~/.cargo/bin/rustc"] }
      ]
    },
    build: {
      about: "Building QEMU from source (qemu: build, the tests' QEMU builds) and scripts/build-test-kernel.sh.",
      packages: [
        { name: "gcc", why: "the C compiler for QEMU, qfi's plugin and the test kernel" },
        { name: "ninja-build", why: "ninja runs QEMU's build" },
        {
          name: "python3",
          why: "configure's Python (>= 3.9), given with --python; the tests also run the kernel's own KUnit parser (kunit_parser.py) with it"
        },
        { name: "python3-venv", why: "ensurepip, for configure's build/pyvenv when the system Python lacks pip and setuptools" },
        { name: "python3-tomli", why: "configure reads pythondeps.toml; Python < 3.11 has no tomllib", skipIfPythonModule: "tomllib" },
        { name: "pkg-config", why: "configure finds glib, pixman, zlib and slirp with it" },
        { name: "flex", why: "QEMU's build (and the kernel's) generates parsers" },
        { name: "bison", why: "QEMU's build (and the kernel's) generates parsers" },
        { name: "libglib2.0-dev", why: "glib: QEMU and qfi's plugin are built against it" },
        { name: "libpixman-1-dev", why: "pixman: QEMU's system emulators" },
        { name: "zlib1g-dev", why: "zlib: required by QEMU" },
        { name: "libslirp-dev", why: "user networking (-netdev user) in the build" },
        { name: "libfdt-dev", why: "fdt for device-tree boards (aarch64 virt); without it configure would try to git-clone dtc" },
        { name: "patch", why: "qemu-patches are applied with it" },
        { name: "device-tree-compiler", why: "dtc: a source without prebuilt pc-bios/dtb/*.dtb (Debian's +ds tarball) compiles them in configure" },
        {
          name: "meson",
          why: "only for a source without a meson wheel in python/wheels (Debian's +ds tarball, which the tests build; upstream release tarballs carry their own); QEMU 10 needs >= 1.5, Debian 12's own is 1.0.1",
          minVersion: "1.5.0",
          backports: true,
          pythonDistribution: "meson"
        },
        {
          name: "python3-pycotap",
          why: "only for a source without a pycotap wheel in python/wheels (Debian's +ds tarball); Debian 12 has it in backports only",
          backports: true,
          pythonDistribution: "pycotap"
        },
        {
          name: "python3-setuptools",
          why: "QEMU >= 11's configure ensures setuptools ([tooling] in pythondeps.toml; ensurepip brings it only before Python 3.12)",
          pythonDistribution: "setuptools"
        },
        { name: "python3-wheel", why: "QEMU >= 11's configure ensures wheel ([tooling]); no source bundles it", pythonDistribution: "wheel" },
        {
          name: "python3-pip",
          why: "pip for configure's venv when the system Python has no ensurepip; QEMU >= 11's configure ensures it ([tooling])",
          pythonDistribution: "pip"
        },
        { name: "make", why: "scripts/build-test-kernel.sh (the kernel's build)" },
        { name: "bc", why: "scripts/build-test-kernel.sh (the kernel's build)" },
        { name: "libelf-dev", why: "scripts/build-test-kernel.sh: objtool" },
        { name: "libssl-dev", why: "scripts/build-test-kernel.sh: module signing certificates" }
      ]
    }
  }
};

// src/provision/qemu-build/package-list.ts
var groups = packages_default.groups;
function buildPackage(name) {
  const found = groups.build.packages.find((p) => p.name === name);
  if (!found) throw new Error(`internal: ${name} is not in the build group of src/provision/packages.json`);
  return found;
}
function packageForPythonDistribution(dist) {
  return groups.build.packages.find((p) => p.pythonDistribution === dist);
}

// src/provision/qemu-build/python-deps.ts
import { existsSync as existsSync19, readdirSync as readdirSync4, readFileSync as readFileSync13 } from "node:fs";
import { join as join25 } from "node:path";
function requiredMesonVersion(srcDir) {
  const text = readFileSync13(join25(srcDir, "meson.build"), "utf8");
  return /meson_version\s*:\s*'>=\s*([\d.]+)'/.exec(text)?.[1];
}
function configureGroups(srcDir) {
  const configure = readFileSync13(join25(srcDir, "configure"), "utf8");
  return ["meson", "tooling"].filter((g) => new RegExp(`pythondeps\\.toml\\s+${g}\\b`).test(configure));
}
function pythonRequirements(srcDir) {
  const depsFile = join25(srcDir, "pythondeps.toml");
  if (!existsSync19(depsFile)) {
    const want = requiredMesonVersion(srcDir);
    return [{ name: "meson", group: "meson", accepted: want ? `>=${want}` : "", wheel: void 0 }];
  }
  const toml = parse(readFileSync13(depsFile, "utf8"));
  const wheelsDir = join25(srcDir, "python", "wheels");
  const wheels = existsSync19(wheelsDir) ? readdirSync4(wheelsDir).filter((f) => f.endsWith(".whl")) : [];
  return configureGroups(srcDir).flatMap(
    (group) => Object.entries(toml[group] ?? {}).filter(([, info]) => info.path === void 0).map(([name, info]) => {
      const accepted = info.accepted?.trim() ?? "";
      const wheel = wheels.find((file) => {
        const m = /^([^-]+)-([^-]+)-/.exec(file);
        if (!m || normalizeName(m[1]) !== normalizeName(name)) return false;
        return info.installed ? m[2] === info.installed : satisfies(m[2], accepted);
      });
      return { name, group, accepted, wheel: wheel ? join25("python", "wheels", wheel) : void 0 };
    })
  );
}
function fromEnsurepip(name, pythonVersion) {
  return name === "pip" || name === "setuptools" && !versionAtLeast(pythonVersion, "3.12");
}
function hasBundledWheels(srcDir) {
  const dir = join25(srcDir, "python", "wheels");
  return existsSync19(dir) && readdirSync4(dir).some((f) => f.endsWith(".whl"));
}
var normalizeName = (name) => name.toLowerCase().replace(/[-_.]+/g, "_");
function versionParts(version) {
  return (/^\d+(\.\d+)*/.exec(version.trim())?.[0] ?? "0").split(".").map(Number);
}
function compareVersions(a2, b) {
  const x = versionParts(a2);
  const y = versionParts(b);
  for (let i2 = 0; i2 < Math.max(x.length, y.length); i2++) {
    const d = (x[i2] ?? 0) - (y[i2] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
function versionAtLeast(have, want) {
  return compareVersions(have, want) >= 0;
}
function satisfies(version, spec2) {
  return spec2.split(",").map((c3) => c3.trim()).filter(Boolean).every((clause) => {
    const m = /^(>=|<=|==|!=|~=|>|<)\s*(.+)$/.exec(clause);
    if (!m) return false;
    const c3 = compareVersions(version, m[2]);
    switch (m[1]) {
      case ">=":
      case "~=":
        return c3 >= 0;
      case "<=":
        return c3 <= 0;
      case ">":
        return c3 > 0;
      case "<":
        return c3 < 0;
      case "==":
        return c3 === 0;
      default:
        return c3 !== 0;
    }
  });
}
var PROBE = `
import json, sys
from importlib.util import find_spec
from importlib.metadata import version, PackageNotFoundError
def have(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return None
print(json.dumps({
    "version": "%d.%d" % sys.version_info[:2],
    "distributions": {name: have(name) for name in sys.argv[1:]},
    "ensurepip": find_spec("ensurepip") is not None,
    "pip": find_spec("pip") is not None,
    "setuptools": find_spec("setuptools") is not None,
    "tomllib": (find_spec("tomllib") or find_spec("tomli")) is not None,
}))
`;
async function probePython(python, distributions) {
  const r = await execa(python, ["-c", PROBE, ...distributions], { reject: false, stdin: "ignore", timeout: 2e4 }).catch(() => void 0);
  if (r?.exitCode !== 0) return { version: void 0, distributions: {}, ensurepip: false, pip: false, setuptools: false, tomllib: false };
  const probe2 = JSON.parse(r.stdout);
  for (const [name, v] of Object.entries(probe2.distributions)) probe2.distributions[name] = v ?? void 0;
  return probe2;
}

// src/provision/qemu-build/build-deps.ts
var quiet = { reject: false, stdin: "ignore", timeout: 2e4 };
async function commandWorks(cmd, args = ["--version"]) {
  const r = await execa(cmd, args, quiet).catch(() => void 0);
  return r?.exitCode === 0;
}
async function pkgConfigHas(module) {
  return commandWorks("pkg-config", ["--exists", module]);
}
function systemPython() {
  return existsSync20("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
function missingPrebuiltDtbs(srcDir) {
  const mesonFile = join26(srcDir, "pc-bios", "dtb", "meson.build");
  if (!existsSync20(mesonFile)) return [];
  const names = [...readFileSync14(mesonFile, "utf8").matchAll(/'([\w.-]+\.dtb)'/g)].map((m) => m[1]);
  return names.filter((name) => !existsSync20(join26(srcDir, "pc-bios", "dtb", name)));
}
var decided = (pkg, present) => ({ pkg, present: async () => present });
function pythonDeps(python, probe2, requirements, source) {
  const { hasDepsFile, hasWheels } = source;
  if (!probe2.version || !versionAtLeast(probe2.version, "3.9")) {
    return [
      { what: `Python >= 3.9 at ${python}`, detail: probe2.version ? `it is ${probe2.version}` : "it does not run", ...decided(buildPackage("python3"), false) }
    ];
  }
  const deps = [
    // mkvenv skips ensurepip when pip and setuptools are there already.
    {
      what: `${python} with venv (ensurepip, or pip and setuptools)`,
      ...decided(buildPackage("python3-venv"), probe2.ensurepip || probe2.pip && probe2.setuptools)
    }
  ];
  if (hasDepsFile)
    deps.push({ what: `tomllib or tomli for ${python} (configure reads pythondeps.toml)`, ...decided(buildPackage("python3-tomli"), probe2.tomllib) });
  for (const req of requirements) {
    const have = probe2.distributions[req.name];
    const fromSystem = have !== void 0 && satisfies(have, req.accepted);
    const venvHasIt = probe2.ensurepip && fromEnsurepip(req.name, probe2.version);
    const noWheel = hasWheels ? "python/wheels has none that fits" : "the source has no python/wheels (Debian's +ds tarballs strip them)";
    deps.push({
      what: `${req.name}${req.accepted ? ` ${req.accepted}` : ""} for ${python}`,
      detail: `it has ${have ?? "none"}, and ${noWheel}, from which configure would install it`,
      ...decided(packageForPythonDistribution(req.name), fromSystem || venvHasIt || req.wheel !== void 0)
    });
  }
  return deps;
}
async function buildDeps(srcDir, opts) {
  const python = opts.python ?? systemPython();
  const requirements = pythonRequirements(srcDir);
  const probe2 = await probePython(
    python,
    requirements.map((r) => r.name)
  );
  const dep = (what, name, present) => ({ what, pkg: buildPackage(name), present });
  const deps = [
    dep("a C compiler (cc)", "gcc", () => commandWorks("cc")),
    dep("ninja", "ninja-build", () => commandWorks("ninja")),
    ...pythonDeps(python, probe2, requirements, { hasDepsFile: existsSync20(join26(srcDir, "pythondeps.toml")), hasWheels: hasBundledWheels(srcDir) }),
    dep("pkg-config", "pkg-config", () => commandWorks("pkg-config")),
    dep("flex", "flex", () => commandWorks("flex")),
    dep("bison", "bison", () => commandWorks("bison")),
    dep("glib-2.0 headers", "libglib2.0-dev", () => pkgConfigHas("glib-2.0")),
    dep("pixman headers", "libpixman-1-dev", () => pkgConfigHas("pixman-1")),
    dep("zlib headers", "zlib1g-dev", () => pkgConfigHas("zlib"))
  ];
  if (opts.slirp) deps.push(dep("libslirp headers (user networking)", "libslirp-dev", () => pkgConfigHas("slirp")));
  if (opts.fdt) deps.push(dep("libfdt headers", "libfdt-dev", async () => existsSync20("/usr/include/libfdt.h")));
  if (opts.patches) deps.push(dep("patch", "patch", () => commandWorks("patch")));
  const dtbs = missingPrebuiltDtbs(srcDir);
  if (dtbs.length) {
    const detail = `the source has no prebuilt pc-bios/dtb/*.dtb (${dtbs[0]} and ${dtbs.length - 1} more: Debian's +ds tarballs strip them), so configure compiles them`;
    deps.push({ ...dep("dtc", "device-tree-compiler", () => commandWorks("dtc")), detail });
  }
  return deps;
}
async function findMissingBuildDeps(srcDir, opts) {
  const deps = await buildDeps(srcDir, opts);
  const present = await Promise.all(deps.map((d) => d.present()));
  return deps.filter((_, i2) => !present[i2]).map(({ what, detail, pkg }) => ({ what, detail, debianPackage: pkg?.name, backports: pkg?.backports === true }));
}
function osRelease() {
  let text = "";
  try {
    text = readFileSync14("/etc/os-release", "utf8");
  } catch {
  }
  const field2 = (name) => new RegExp(`^${name}="?([^"\\n]+)"?$`, "m").exec(text)?.[1];
  return { id: field2("ID"), codename: field2("VERSION_CODENAME") };
}
var packagesOf = (deps) => [...new Set(deps.flatMap((d) => d.debianPackage ? [d.debianPackage] : []))];
function installHint(missing, os, installDeps) {
  const plain = packagesOf(missing.filter((m) => !m.backports));
  const backports = packagesOf(missing.filter((m) => m.backports));
  const unknown = missing.filter((m) => !m.debianPackage).map((m) => m.what.split(" ")[0]);
  const steps = [];
  if (plain.length) steps.push(`apt-get install ${plain.join(" ")}${installDeps ? "" : " (or set install-deps: true and qfi runs it)"}`);
  if (backports.length && os.id === "debian" && os.codename) {
    const suite = `${os.codename}-backports`;
    steps.push(
      `${backports.join(" ")} come from ${suite}: echo 'deb http://deb.debian.org/debian ${suite} main' > /etc/apt/sources.list.d/${suite}.list && apt-get update && apt-get install -t ${suite} ${backports.join(" ")}`
    );
  } else if (backports.length) {
    steps.push(`${backports.join(" ")}: this system's packages are missing or too old for a source without bundled wheels`);
  }
  if (unknown.length) steps.push(`pip install ${unknown.join(" ")} for configure's Python`);
  if (backports.length) {
    steps.push(
      "or build an upstream release instead (qemu-version, or its qemu-X.Y.Z.tar.xz in qemu-source): it carries meson and pycotap in python/wheels, so no system meson is needed"
    );
  }
  return steps.join("; ");
}
async function canInstall() {
  if (!existsSync20("/usr/bin/apt-get")) return void 0;
  if (process.getuid?.() === 0) return [];
  return await commandWorks("sudo", ["-n", "true"]) ? ["sudo", "-n"] : void 0;
}
var listMissing = (missing) => missing.map((m) => `
  - ${m.what}${m.detail ? `: ${m.detail}` : ""}${m.debianPackage ? ` [package ${m.debianPackage}]` : ""}`).join("");
async function ensureBuildDeps(srcDir, opts, log) {
  let missing = await findMissingBuildDeps(srcDir, opts);
  if (missing.length === 0) return;
  const os = osRelease();
  const sudo = opts.install ? await canInstall() : void 0;
  if (!opts.install || !sudo || missing.every((m) => !m.debianPackage)) {
    const cannot = opts.install && !sudo ? "install-deps is on, but apt-get cannot run here (needs Debian/Ubuntu and root or passwordless sudo); " : "";
    throw new InfraError(`building QEMU needs:${listMissing(missing)}`, { hint: `${cannot}${installHint(missing, os, opts.install)}` });
  }
  const run = (args) => execa(sudo[0] ?? "apt-get", [...sudo.slice(1), ...sudo.length ? ["apt-get"] : [], ...args], {
    stdin: "ignore",
    env: { DEBIAN_FRONTEND: "noninteractive" },
    reject: false,
    all: true
  });
  const install = async (packages, extra = []) => {
    if (!packages.length) return;
    log.info(`installing QEMU build dependencies: ${packages.join(" ")}${extra.length ? ` (${extra.join(" ")})` : ""}`);
    const r = await run(["install", "-y", "-q", "--no-install-recommends", ...extra, ...packages]);
    if (r.exitCode !== 0) log.warn(`apt-get install failed: ${(r.all ?? "").trim().split("\n").slice(-3).join(" | ")}`);
  };
  await run(["update", "-q"]);
  await install(packagesOf(missing.filter((m) => !m.backports)));
  const backports = packagesOf(missing.filter((m) => m.backports));
  const suite = os.id === "debian" && os.codename ? `${os.codename}-backports` : void 0;
  const policy = backports.length && suite ? (await execa("apt-cache", ["policy"], quiet).catch(() => void 0))?.stdout ?? "" : "";
  await install(backports, suite && policy.includes(suite) ? ["-t", suite] : []);
  missing = await findMissingBuildDeps(srcDir, opts);
  if (missing.length) throw new InfraError(`building QEMU still needs:${listMissing(missing)}`, { hint: installHint(missing, os, true) });
}

// src/provision/qemu-build/cache-key.ts
import { createHash as createHash5 } from "node:crypto";
import { readFileSync as readFileSync15 } from "node:fs";
function osReleaseId(osRelease2 = readOsRelease()) {
  const id = /^ID="?([^"\n]+)"?$/m.exec(osRelease2)?.[1] ?? "linux";
  const version = /^VERSION_ID="?([^"\n]+)"?$/m.exec(osRelease2)?.[1] ?? "";
  return `${id}${version}`.replace(/[^A-Za-z0-9.]/g, "");
}
function readOsRelease() {
  try {
    return readFileSync15("/etc/os-release", "utf8");
  } catch {
    return "";
  }
}
function qemuCacheKey(inputs, hostArch = process.arch, os = osReleaseId()) {
  const h2 = createHash5("sha256");
  h2.update(`recipe ${inputs.recipeVersion}
`);
  h2.update(`flags ${JSON.stringify(inputs.configureFlags)}
`);
  for (const patch of inputs.patches) h2.update(`patch ${createHash5("sha256").update(readFileSync15(patch)).digest("hex")}
`);
  h2.update(`source ${inputs.sourceHash}
`);
  const digest = h2.digest("hex").slice(0, 16);
  const arch = hostArch === "x64" ? "x86_64" : hostArch === "arm64" ? "aarch64" : hostArch;
  const targets = inputs.targets.map((t) => t.replace(/-softmmu$/, "")).join("+");
  const parts = { os, arch, version: inputs.version, targets, hash: digest };
  return { key: `qfi-qemu-v1-${os}-${arch}-${inputs.version}-${targets}-${digest}`, parts };
}

// src/provision/qemu-build/ninja-progress.ts
var NinjaProgress = class {
  constructor(report, intervalMs = 5e3, now = Date.now, startedAt = now()) {
    this.report = report;
    this.intervalMs = intervalMs;
    this.now = now;
    this.startedAt = startedAt;
  }
  report;
  intervalMs;
  now;
  startedAt;
  lastReport = -Infinity;
  lastFraction = 0;
  /** Feed every line ninja prints. */
  line(text) {
    const m = /^\[(\d+)\/(\d+)\]/.exec(text);
    if (!m) return;
    const done = Number(m[1]);
    const total = Number(m[2]);
    if (total === 0) return;
    this.lastFraction = done / total;
    const t = this.now();
    if (t - this.lastReport < this.intervalMs && done !== total) return;
    this.lastReport = t;
    const elapsed = Math.round((t - this.startedAt) / 1e3);
    this.report(`building QEMU: ${Math.floor(this.lastFraction * 100)}% (${done}/${total} steps, ${elapsed} s)`);
  }
  get fraction() {
    return this.lastFraction;
  }
};

// src/provision/qemu-build/qemu-source.ts
import { createHash as createHash6 } from "node:crypto";
import { createReadStream as createReadStream3, createWriteStream as createWriteStream3, existsSync as existsSync21, mkdirSync as mkdirSync4, readdirSync as readdirSync5, readFileSync as readFileSync16, renameSync as renameSync3, rmSync as rmSync2, statSync as statSync11, writeFileSync as writeFileSync4 } from "node:fs";
import { basename as basename5, join as join27, relative as relative4 } from "node:path";
import { Readable as Readable4 } from "node:stream";
import { pipeline } from "node:stream/promises";
function sourceHashOf(origin) {
  return origin.kind === "folder" ? `tree:${origin.treeHash}` : origin.sha256;
}
async function sha256File(path6) {
  const hash = createHash6("sha256");
  await pipeline(createReadStream3(path6), hash);
  return hash.digest("hex");
}
function treeHash(root) {
  const hash = createHash6("sha256");
  const walk = (dir) => {
    for (const name of readdirSync5(dir).sort()) {
      if (name === ".git" || name === "build") continue;
      const path6 = join27(dir, name);
      const st = statSync11(path6);
      if (st.isDirectory()) walk(path6);
      else if (st.isFile()) hash.update(`${relative4(root, path6)}\0${st.size}\0`).update(readFileSync16(path6));
    }
  };
  walk(root);
  return hash.digest("hex");
}
async function resolveQemuSource(spec2) {
  if (spec2.source) {
    if (statSync11(spec2.source).isDirectory()) return { kind: "folder", path: spec2.source, treeHash: treeHash(spec2.source) };
    const sha256 = await sha256File(spec2.source);
    if (spec2.sha256 && spec2.sha256 !== sha256) {
      throw new ConfigError(`the QEMU source tarball ${spec2.source} has sha256 ${sha256}, not the ${spec2.sha256} given in qemu-sha256`, {
        location: { input: "qemu-sha256" },
        hint: "check that the tarball is the one you meant, or correct qemu-sha256"
      });
    }
    return { kind: "tarball", path: spec2.source, sha256 };
  }
  if (!spec2.sha256) throw new Error(`internal: QEMU ${spec2.version} is to be downloaded without a sha256; the plan gives one or refuses`);
  return { kind: "download", version: spec2.version, url: releaseTarballUrl(spec2.version), sha256: spec2.sha256 };
}
async function downloadRelease(origin, downloadsDir, log, signal) {
  mkdirSync4(downloadsDir, { recursive: true });
  const file = join27(downloadsDir, basename5(new URL(origin.url).pathname));
  if (existsSync21(file) && await sha256File(file) === origin.sha256) return file;
  log.info(`downloading ${origin.url}`);
  const tmp = privateTempPath(file);
  let response;
  try {
    response = await fetch(origin.url, signal ? { signal } : {});
  } catch (err) {
    throw new InfraError(`could not download ${origin.url}: ${err.message}`, {
      hint: "without network access, give a local tarball or folder with qemu-source"
    });
  }
  if (!response.ok || !response.body) {
    throw new InfraError(`downloading ${origin.url} failed: HTTP ${response.status}`, { hint: "check qemu-version, or give qemu-source" });
  }
  const total = Number(response.headers.get("content-length") ?? 0);
  let received = 0;
  let lastLog = Date.now();
  const body2 = Readable4.fromWeb(response.body);
  body2.on("data", (chunk) => {
    received += chunk.length;
    if (Date.now() - lastLog > 5e3) {
      lastLog = Date.now();
      log.info(`downloading QEMU ${origin.version}: ${(received / 2 ** 20).toFixed(0)} MiB${total ? ` of ${(total / 2 ** 20).toFixed(0)} MiB` : ""}`);
    }
  });
  await pipeline(body2, createWriteStream3(tmp));
  const actual = await sha256File(tmp);
  if (actual !== origin.sha256) {
    rmSync2(tmp, { force: true });
    throw new InfraError(`${origin.url} has sha256 ${actual}, expected ${origin.sha256}; the download was discarded`, {
      hint: "a changed or corrupted tarball is never built; retry, or build from a tarball you trust with qemu-source and qemu-sha256"
    });
  }
  renameSync3(tmp, file);
  return file;
}
var EMPTY_BZIP2 = Buffer.from([66, 90, 104, 57, 23, 114, 69, 56, 80, 144, 0, 0, 0, 0]);
function addFirmwareStandIns(srcDir) {
  const mesonFile = join27(srcDir, "pc-bios", "meson.build");
  if (!existsSync21(mesonFile)) return [];
  const added = [];
  for (const m of readFileSync16(mesonFile, "utf8").matchAll(/'(edk2-[A-Za-z0-9_-]+\.fd)'/g)) {
    const file = join27(srcDir, "pc-bios", `${m[1]}.bz2`);
    if (!existsSync21(file)) {
      writeFileSync4(file, EMPTY_BZIP2);
      added.push(`${m[1]}.bz2`);
    }
  }
  return added;
}
async function unpackSource(origin, archive, dest, signal) {
  mkdirSync4(dest, { recursive: true });
  const opts = { stdin: "ignore", ...signal ? { cancelSignal: signal } : {} };
  if (origin.kind === "folder") {
    await execa(...diesWithParent("cp", ["-a", `${origin.path}/.`, dest]), opts);
    rmSync2(join27(dest, "build"), { recursive: true, force: true });
    return;
  }
  const tarball = origin.kind === "tarball" ? origin.path : archive;
  if (!tarball) throw new Error("internal: a downloaded source needs its archive path");
  await execa(...diesWithParent("tar", ["-xf", tarball, "-C", dest, "--strip-components=1"]), opts);
  if (!existsSync21(join27(dest, "configure"))) {
    throw new InfraError(`${tarball} does not look like a QEMU source tarball (no configure at its top level)`, {
      hint: "give the release tarball (qemu-X.Y.Z.tar.xz) or Debian's qemu_X.Y.Z+ds.orig.tar.xz"
    });
  }
}
async function applyPatches(srcDir, patches, log, signal) {
  for (const patch of patches) {
    const args = ["-p1", "--forward", "--batch", "-d", srcDir, "-i", patch];
    const dry = await execa(...diesWithParent("patch", ["--dry-run", ...args]), {
      reject: false,
      stdin: "ignore",
      all: true,
      ...signal ? { cancelSignal: signal } : {}
    });
    if (dry.exitCode !== 0) {
      throw new ConfigError(`patch ${basename5(patch)} does not apply to the QEMU source:
${(dry.all ?? "").trim().split("\n").slice(-8).join("\n")}`, {
        location: { input: "qemu-patches", file: patch },
        hint: "rebase the patch onto this QEMU version (qemu-version), or remove it from qemu-patches"
      });
    }
    await execa(...diesWithParent("patch", args), { stdin: "ignore", ...signal ? { cancelSignal: signal } : {} });
    log.info(`applied patch ${basename5(patch)}`);
  }
}

// src/provision/qemu-build/build-qemu.ts
var RECIPE_VERSION = 1;
var BUILD_MARKER = "qfi-build.json";
var needsFdt = (targets) => targets.some((t) => /^(aarch64|arm|riscv32|riscv64|ppc|ppc64|loongarch64)-softmmu$/.test(t));
function minimalConfigureFlags(targets) {
  return [
    `--target-list=${targets.join(",")}`,
    "--without-default-features",
    "--enable-tcg",
    "--enable-plugins",
    "--enable-kvm",
    "--enable-slirp",
    ...needsFdt(targets) ? ["--enable-fdt=system"] : [],
    "--disable-docs",
    "--disable-download",
    "--disable-install-blobs"
  ];
}
function buildKey(spec2, sourceHash) {
  return qemuCacheKey({
    version: spec2.version,
    targets: spec2.targets,
    configureFlags: [...minimalConfigureFlags(spec2.targets), ...spec2.configureFlags],
    patches: spec2.patches,
    sourceHash,
    recipeVersion: RECIPE_VERSION
  });
}
function isCompleteEntry(entry) {
  return existsSync22(join28(entry, BUILD_MARKER)) && existsSync22(join28(entry, "prefix", "bin"));
}
async function ensureBuiltQemu(spec2, opts) {
  const { log } = opts;
  const origin = await resolveQemuSource(spec2);
  const key = buildKey(spec2, sourceHashOf(origin));
  await log.group(`QEMU cache key ${key.key}`, async () => {
    for (const [part, value] of Object.entries(key.parts)) log.info(`${part}: ${value}`);
    log.info(`source: ${origin.kind === "download" ? origin.url : origin.path}`);
  });
  const entry = join28(opts.cacheDir, "qemu", key.key);
  if (isCompleteEntry(entry)) {
    log.info(`QEMU ${spec2.version}: cache hit (${entry})`);
    return { prefix: join28(entry, "prefix"), key: key.key, origin: "local-cache" };
  }
  rmSync3(entry, { recursive: true, force: true });
  if (opts.remoteCache) {
    const restored = await opts.remoteCache.restore(key.key, entry).catch((err) => {
      log.warn(`restoring QEMU from the remote cache failed: ${err.message}`);
      return false;
    });
    if (restored && isCompleteEntry(entry)) {
      log.info(`QEMU ${spec2.version}: restored from the remote cache`);
      return { prefix: join28(entry, "prefix"), key: key.key, origin: "remote-cache" };
    }
    if (restored) log.warn("the remote cache entry is incomplete (no build marker); rebuilding");
    rmSync3(entry, { recursive: true, force: true });
  }
  await log.group(`Build QEMU ${spec2.version} (${spec2.targets.join(", ")})`, () => buildInto(entry, key, spec2, origin, opts));
  if (opts.remoteCache) {
    await opts.remoteCache.save(key.key, entry).catch((err) => log.warn(`saving QEMU to the remote cache failed: ${err.message}`));
  }
  return { prefix: join28(entry, "prefix"), key: key.key, origin: "built" };
}
function configurePython(configureFlags) {
  const given = configureFlags.filter((f) => f.startsWith("--python=")).at(-1);
  return given ? given.slice("--python=".length) : systemPython();
}
async function prepareAndConfigure(origin, spec2, work, opts) {
  const { log, signal } = opts;
  const src = join28(work, "src");
  const build = join28(work, "build");
  const archive = origin.kind === "download" ? await downloadRelease(origin, join28(opts.cacheDir, "downloads"), log, signal) : void 0;
  log.info("unpacking the QEMU source");
  await unpackSource(origin, archive, src, signal);
  const standIns = addFirmwareStandIns(src);
  if (standIns.length)
    log.info(`the source has no firmware blobs (a +ds tarball): ${standIns.length} empty stand-ins added; firmware comes from the distribution at run time`);
  await applyPatches(src, spec2.patches, log, signal);
  const python = configurePython(spec2.configureFlags);
  await ensureBuildDeps(src, { fdt: needsFdt(spec2.targets), slirp: true, patches: spec2.patches.length > 0, install: spec2.installDeps, python }, log);
  mkdirSync5(build, { recursive: true });
  const flags = [...minimalConfigureFlags(spec2.targets), ...spec2.configureFlags];
  log.info(`running configure ${flags.join(" ")}`);
  const t0 = Date.now();
  await runLogged(join28(src, "configure"), [`--prefix=${join28(work, "entry", "prefix")}`, `--python=${systemPython()}`, ...flags], build, opts.buildLog, signal);
  return { src, build, flags, configureMs: Date.now() - t0 };
}
var WORK_PREFIX = ".work-";
async function buildInto(entry, key, spec2, origin, opts) {
  const { log, signal } = opts;
  const parent = join28(opts.cacheDir, "qemu");
  mkdirSync5(parent, { recursive: true });
  for (const stale of sweepOwnedDirs(parent, WORK_PREFIX)) log.info(`removed ${stale}, left by a QEMU build that was killed`);
  const work = makeOwnedDir(parent, WORK_PREFIX);
  const stage = join28(work, "entry");
  const logFile = join28(work, "build.log");
  const buildLog = createWriteStream4(logFile);
  const started = Date.now();
  try {
    const { build, flags, configureMs } = await prepareAndConfigure(origin, spec2, work, { cacheDir: opts.cacheDir, log, buildLog, signal });
    log.info(`running ninja with ${availableParallelism()} jobs`);
    const t1 = Date.now();
    const progress = new NinjaProgress((line) => log.info(line));
    await runLogged("ninja", ["-j", String(availableParallelism())], build, buildLog, signal, (line) => progress.line(line));
    await runLogged("ninja", ["install"], build, buildLog, signal);
    const ninjaMs = Date.now() - t1;
    await new Promise((resolve12) => buildLog.end(resolve12));
    copyFileSync2(logFile, join28(stage, "build.log"));
    const marker = {
      key: key.key,
      parts: key.parts,
      version: spec2.version,
      flags,
      patches: spec2.patches,
      builtAt: (/* @__PURE__ */ new Date()).toISOString(),
      configureMs,
      ninjaMs,
      totalMs: Date.now() - started
    };
    writeFileSync5(join28(stage, BUILD_MARKER), `${JSON.stringify(marker, null, 2)}
`);
    try {
      renameSync4(stage, entry);
    } catch (err) {
      if (!isCompleteEntry(entry)) throw err;
    }
    log.info(
      `QEMU ${spec2.version} built in ${((Date.now() - started) / 1e3).toFixed(0)} s (configure ${(configureMs / 1e3).toFixed(0)} s, ninja ${(ninjaMs / 1e3).toFixed(0)} s) and cached in ${entry}`
    );
  } catch (err) {
    buildLog.end();
    if (err instanceof QfiError) throw err;
    mkdirSync5(opts.resultsDir, { recursive: true });
    const kept = join28(opts.resultsDir, QEMU_BUILD_LOG);
    let tail = "";
    if (existsSync22(logFile)) {
      copyFileSync2(logFile, kept);
      tail = readFileSync17(logFile, "utf8").trimEnd().split("\n").slice(-20).join("\n");
    }
    throw new InfraError(
      `building QEMU ${spec2.version} failed: ${err.message.split("\n")[0]}${tail ? `
last lines of the build log:
${tail}` : ""}`,
      {
        hint: `the full log is in ${kept}`,
        cause: err
      }
    );
  } finally {
    rmSync3(work, { recursive: true, force: true });
  }
}
async function runLogged(cmd, args, cwd, out, signal, onLine) {
  out.write(`
$ ${cmd} ${args.join(" ")}
`);
  const child = execa(...diesWithParent(cmd, args), {
    cwd,
    stdin: "ignore",
    all: true,
    buffer: false,
    reject: false,
    ...signal ? { cancelSignal: signal } : {}
  });
  const lines = onLine ? new LineStream(onLine) : void 0;
  child.all?.on("data", (chunk) => {
    out.write(chunk);
    lines?.push(chunk);
  });
  const result = await child;
  lines?.end();
  if (result.exitCode !== 0) throw new Error(`${cmd} ${args[0] ?? ""} exited with ${result.exitCode ?? result.signal}`);
}

// src/provision/qemu-system.ts
import { existsSync as existsSync23, statSync as statSync12 } from "node:fs";
import { delimiter as delimiter2, dirname as dirname11, join as join29, resolve as resolve9 } from "node:path";
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter2)) {
    if (!dir) continue;
    const candidate = join29(dir, name);
    if (existsSync23(candidate) && statSync12(candidate).isFile()) return candidate;
  }
  return void 0;
}
function locateQemu(setting, arch) {
  const name = archData[arch].qemuBinaryName;
  let binary;
  if (setting === "auto" || setting === "system") {
    binary = findOnPath(name);
    if (!binary) {
      throw new InfraError(`${name} was not found on PATH`, {
        hint: `install it (Debian/Ubuntu: sudo apt-get install ${archData[arch].debianQemuPackage}) or set input qemu to a QEMU binary or install prefix`
      });
    }
  } else {
    const path6 = resolve9(setting);
    binary = existsSync23(path6) && statSync12(path6).isDirectory() ? join29(path6, "bin", name) : path6;
    if (!existsSync23(binary)) {
      throw new InfraError(`QEMU binary ${binary} does not exist (from input qemu = ${setting})`, {
        hint: `point qemu at a qemu-system binary or an install prefix containing bin/${name}`
      });
    }
  }
  const prefix = dirname11(dirname11(binary));
  const dataDirs = [join29(prefix, "share", "qemu"), "/usr/share/qemu", "/usr/share/seabios", "/usr/lib/ipxe/qemu"].filter(
    (dir, i2, all) => existsSync23(dir) && all.indexOf(dir) === i2
  );
  return { binary, dataDirs };
}
async function readQemuVersion(binary) {
  const result = await execa(binary, ["--version"], { reject: false, timeout: 1e4, stdin: "ignore" });
  const match = /QEMU emulator version (\d+\.\d+(?:\.\d+)?)/.exec(result.stdout);
  if (result.exitCode !== 0 || !match?.[1]) {
    throw new InfraError(
      `${binary} --version did not report a QEMU version (exit ${result.exitCode}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`,
      {
        hint: "check that the file is a working qemu-system binary"
      }
    );
  }
  return match[1];
}
function findFirmware(install, file) {
  for (const dir of install.dataDirs) {
    const candidate = join29(dir, file);
    if (existsSync23(candidate)) return candidate;
  }
  return void 0;
}

// src/provision/host-memory.ts
import { readFileSync as readFileSync18 } from "node:fs";
import { totalmem } from "node:os";
function checkMemoryFitsHost(memory, host = hostMemory()) {
  const want = memoryBytes(memory);
  const have = host.ramBytes + host.swapBytes;
  if (want <= BigInt(have)) return;
  throw new ConfigError(
    `memory ${memory} is more than this machine has (${formatBytes(host.ramBytes)} RAM + ${formatBytes(host.swapBytes)} swap): QEMU could not allocate it`,
    { location: { input: "memory" }, hint: `give at most ${Math.floor(have / 1024 ** 2)}M; the default 256M suits the built-in guest` }
  );
}
function hostMemory() {
  let swapBytes = 0;
  try {
    const kib = /^SwapTotal:\s+(\d+) kB/m.exec(readFileSync18("/proc/meminfo", "utf8"))?.[1];
    if (kib) swapBytes = Number(kib) * 1024;
  } catch {
  }
  return { ramBytes: totalmem(), swapBytes };
}

// src/provision/provision.ts
async function chooseAccel(plan, target, workDir, host, signal) {
  if (plan.accel.want === "tcg") {
    host.log.debug(`accelerator: TCG (${plan.accel.reason})`);
    return "tcg";
  }
  const arch = plan.arch;
  if (archData[arch].nativeNodeArch !== process.arch) {
    if (plan.accel.want === "kvm") {
      throw new InfraError(`accel = kvm was asked for, but KVM runs only guests of the host's own architecture (${process.arch}), and the guest is ${arch}`, {
        hint: "use accel = auto or tcg"
      });
    }
    return "tcg";
  }
  if (arch !== "x86_64") {
    if (plan.accel.want === "kvm")
      throw new InfraError(`accel = kvm on ${arch} is not supported yet: qfi probes KVM with x86 code`, { hint: "use accel = auto or tcg" });
    return "tcg";
  }
  const result = await probeKvmCached(target, host.cacheDir, workDir, signal);
  if (result.usable) return "kvm";
  if (plan.accel.want === "kvm") {
    throw new InfraError(`accel = kvm was asked for, but KVM cannot run guests here: ${result.reason}`, {
      hint: "use accel = auto (falls back to TCG) or accel = tcg"
    });
  }
  host.log.info(`KVM not usable (${result.reason}); using TCG`);
  return "tcg";
}
function builtinGuestOptions(plan, host, signal) {
  return { cacheDir: host.cacheDir, log: host.log, arch: plan.arch, ...plan.builtinPackages, remoteCache: host.remoteCache, ...signal ? { signal } : {} };
}
async function provisionGuest(plan, host, workDir, signal) {
  const source = plan.guest;
  if (source.kind === "disk") {
    return {
      kernel: void 0,
      initrd: void 0,
      kernelDescription: `disk image ${source.path ?? source.id} (booted by the firmware)`,
      kernelFormat: void 0
    };
  }
  if (source.kind === "custom") {
    const { kernel, initrd: initrd2 } = source;
    return {
      kernel,
      initrd: initrd2,
      kernelDescription: initrd2 ? `custom kernel ${kernel} with initrd ${initrd2}` : `custom kernel ${kernel}`,
      kernelFormat: await detectKernelFormat(kernel)
    };
  }
  const builtin = await host.log.group("Built-in guest", () => ensureBuiltinGuest(builtinGuestOptions(plan, host, signal)));
  let initrd = builtin.initrd;
  if (plan.files.length > 0) {
    const placed = resolveGuestFiles(plan.files, plan.arch);
    initrd = join30(workDir, "initrd-with-files.cpio.gz");
    await initrdWithFiles(builtin.initrd, placed, initrd);
    const libraries = placed.filter((f) => f.neededBy !== void 0).length;
    host.log.info(
      `files: ${plan.files.length} file(s) into the guest${libraries ? `, with ${libraries} shared librar${libraries === 1 ? "y" : "ies"} they need` : ""}`
    );
  }
  if (source.kernel) {
    const kernel = source.kernel;
    return {
      kernel,
      initrd,
      kernelDescription: `custom kernel ${kernel} with the built-in initramfs`,
      kernelFormat: await detectKernelFormat(kernel),
      identity: builtin.identity
    };
  }
  return { kernel: builtin.kernel, initrd, kernelDescription: builtin.description, kernelFormat: "linux", identity: builtin.identity };
}
async function kvmProbeKernel(plan, guest, host, signal) {
  if (plan.accel.want === "tcg" || archData[plan.arch].nativeNodeArch !== process.arch) return void 0;
  if (guest.kernelFormat === "linux") return guest.kernel;
  const builtin = await host.log.group("Built-in guest kernel (for the KVM probe)", () => ensureBuiltinGuest(builtinGuestOptions(plan, host, signal)));
  return builtin.kernel;
}
async function provisionQemu(plan, host, signal) {
  try {
    return await fetchQemu(plan, host, signal);
  } catch (err) {
    throw locateSettingError(err, plan);
  }
}
async function fetchQemu(plan, host, signal) {
  const choice = plan.qemu;
  if (choice.kind === "system" || choice.kind === "path") {
    const install2 = locateQemu(choice.kind === "system" ? "system" : choice.path, plan.arch);
    return { binary: install2.binary, install: install2, origin: choice.kind, built: void 0 };
  }
  host.log.info(`building QEMU because ${choice.reason}`);
  const built = await ensureBuiltQemu(choice, { cacheDir: host.cacheDir, log: host.log, remoteCache: host.remoteCache, resultsDir: plan.resultsDir, signal });
  const install = locateQemu(built.prefix, plan.arch);
  return { binary: install.binary, install, origin: built.origin, built: { prefix: built.prefix, key: built.key } };
}
function firmwareDirsFor(qemu) {
  return qemu.built ? qemu.install.dataDirs.filter((d) => !d.startsWith(qemu.built.prefix)) : [];
}
async function provisionPlugins(plan, qemu, version, host, signal) {
  const plugins = [];
  const headersPrefix = () => {
    const prefix = qemu.built?.prefix ?? dirname12(dirname12(qemu.binary));
    return existsSync24(join30(prefix, "include", "qemu-plugin.h")) ? prefix : void 0;
  };
  if (plan.plugin) {
    const { path: path6, args } = plan.plugin;
    if (path6.endsWith(".so")) plugins.push({ so: path6, args, role: "user" });
    else {
      const prefix = headersPrefix();
      if (!prefix) {
        throw new ConfigError(`plugin ${path6} is C source, but ${dirname12(dirname12(qemu.binary))} has no include/qemu-plugin.h to compile it against`, {
          location: sourceOf(plan, "plugin"),
          hint: "use qemu: build (or auto), point qemu at a QEMU install with its headers, or give the plugin as a built .so"
        });
      }
      const so = await buildPlugin([path6], { prefix, key: qemu.built?.key ?? qemu.binary }, { cacheDir: host.cacheDir, log: host.log, signal });
      plugins.push({ so, args, role: "user" });
    }
  }
  if (plan.pluginRules.length > 0 || plan.loadQfiPlugin) {
    checkPluginApi(plan, version, qemu.binary);
    const prefix = headersPrefix();
    if (!prefix) {
      throw new ConfigError(`plugin rules need qfi's plugin, compiled against qemu-plugin.h, which ${dirname12(dirname12(qemu.binary))} does not have`, {
        location: sourceOf(plan, "qemu"),
        hint: "use qemu: auto or build, or point qemu at a QEMU install prefix that has include/qemu-plugin.h"
      });
    }
    const dir = join30(packageRoot(), "plugin");
    const so = await buildPlugin(
      qfiPluginSources(dir),
      { prefix, key: qemu.built?.key ?? qemu.binary },
      { cacheDir: host.cacheDir, log: host.log, signal, includeDirs: [dir], input: "faults" }
    );
    plugins.push({ so, args: [], role: "qfi" });
  }
  return plugins;
}
function checkPluginApi(plan, version, binary) {
  const api = pluginApiVersion(version) ?? 0;
  const needsSkip = plan.pluginRules.some((r) => r.action === "skip");
  const need = needsSkip ? 6 : 5;
  if (api >= need) return;
  throw new ConfigError(
    needsSkip ? `insn.skip needs QEMU 11.0 or newer (plugin API 6, qemu_plugin_set_pc); ${binary} is QEMU ${version} (plugin API ${api || "none"})` : `plugin rules need QEMU 10.1 or newer (plugin API 5: guest memory and register writes); ${binary} is QEMU ${version} (plugin API ${api || "none"})`,
    {
      location: sourceOf(plan, needsSkip ? "qemu-version" : "qemu"),
      hint: needsSkip ? "set qemu-version: 11.1.2 with qemu: build, or drop the insn.skip rules" : "use qemu: auto or build (qfi builds QEMU 10.2), or point qemu at QEMU 10.1+"
    }
  );
}
async function provision(plan, host, workDir, signal) {
  try {
    return await provisionAll(plan, host, workDir, signal);
  } catch (err) {
    throw locateSettingError(err, plan);
  }
}
async function provisionAll(plan, host, workDir, signal) {
  checkMemoryFitsHost(plan.memory);
  const [qemu, guest] = await Promise.all([provisionQemu(plan, host, signal), provisionGuest(plan, host, workDir, signal)]);
  const fastBios = guest.kernelFormat === "linux" ? archData[plan.arch].fastBios : void 0;
  const bios = plan.bios ?? (fastBios ? findFirmware(qemu.install, fastBios) : void 0);
  if (fastBios && !bios)
    host.log.warn(
      `${fastBios} not found next to QEMU (${qemu.install.dataDirs.join(", ") || "no data folder"}); booting with the default firmware, which is slower`
    );
  const firmwareDirs = firmwareDirsFor(qemu);
  const version = await readQemuVersion(qemu.binary);
  const plugins = await provisionPlugins(plan, qemu, version, host, signal);
  const accel = await chooseAccel(
    plan,
    { qemuBinary: qemu.binary, kernel: await kvmProbeKernel(plan, guest, host, signal), bios, firmwareDirs },
    workDir,
    host,
    signal
  );
  const api = pluginApiVersion(version);
  host.log.info(`QEMU ${version} (${qemu.origin}${api ? `, plugin API ${api}` : ""}): ${qemu.binary}`);
  const disks = await provisionDisks(plan.host.disks, qemu.binary, workDir, signal);
  const { kernel, initrd, kernelDescription } = guest;
  return {
    qemuBinary: qemu.binary,
    qemuVersion: version,
    qemuOrigin: qemu.origin,
    plugins,
    firmwareDirs,
    bios,
    kernel,
    initrd,
    kernelDescription,
    guest: guest.identity,
    accel,
    disks
  };
}

// src/report/reproducer.ts
import { join as join31 } from "node:path";
function writeReproducer(plan, dir, guest) {
  const writer = join31(packageRoot(), "dist", "cli.js");
  const lines = [
    "#!/usr/bin/env bash",
    `# Re-runs qfi scenario "${plan.scenario}" on this machine with \`qfi reproduce\`: the config copied`,
    "# into this folder, the same rules, seed, guest and QEMU version, into a new results folder",
    "# (<this folder>-reproduced in the current folder); then says whether the verdict and the",
    "# injections matched. Run it from your checkout of the project: relative paths in the config",
    "# resolve against the current folder. Extra arguments go to qfi reproduce (--results-dir DIR...).",
    `# rules: ${plan.canonicalRules.length ? plan.canonicalRules.join(" ") : "(none)"}`,
    `# seed: ${plan.seed}`,
    ...guest ? [
      `# guest: ${guest.kernel.package} ${guest.kernel.version} (${guest.arch === "x86_64" ? "vmlinux" : "Image"} sha256 ${guest.kernelSha256}), ${guest.busybox.package} ${guest.busybox.version}, initramfs sha256 ${guest.initrdSha256}`,
      `# guest pin (summary.json guest.pin, which qfi reproduce passes as --guest-pin): ${guest.pin}`
    ] : [],
    "# qfi is: $QFI (a command, or the path of qfi's dist/cli.js), else `qfi` on PATH, else",
    "# ./node_modules/.bin/qfi, else the qfi that wrote this script, if it is still there.",
    "set -euo pipefail",
    'here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)',
    'if [[ -n "${QFI:-}" ]]; then',
    '  if [[ $QFI == *.js ]]; then qfi=(node "$QFI"); else qfi=("$QFI"); fi',
    "elif command -v qfi >/dev/null; then",
    "  qfi=(qfi)",
    "elif [[ -x node_modules/.bin/qfi ]]; then",
    "  qfi=(node_modules/.bin/qfi)",
    `elif [[ -f ${shellQuote(writer)} ]]; then`,
    `  qfi=(node ${shellQuote(writer)})`,
    "else",
    '  echo "reproducer.sh: qfi not found: set QFI=/path/to/qfi/dist/cli.js, or put qfi on PATH" >&2',
    "  exit 2",
    "fi",
    'exec "${qfi[@]}" reproduce "$here" "$@"',
    ""
  ];
  const path6 = join31(dir, REPORT_FILES.reproducer);
  writeResultFile(path6, lines.join("\n"), { mode: 493 });
  return path6;
}

// src/run/run-qemu.ts
import { basename as basename6, join as join36 } from "node:path";

// src/run/run-setup.ts
import { writeFileSync as writeFileSync6 } from "node:fs";
import { join as join32 } from "node:path";

// src/run/snapshot-jobs.ts
import { setTimeout as sleep } from "node:timers/promises";
var SNAPSHOT_STATE_NODE = "qfi-snapstate";
var SNAPSHOT_STATE_FILE_NODE = "qfi-snapstate-file";
var SNAPSHOT_TAG = "qfi";
var pollMs = 2;
async function runSnapshotJob(qmp, command, devices, timeoutMs = 6e4) {
  const started = Date.now();
  const jobId = `qfi-${command}`;
  await qmp.execute(command, { "job-id": jobId, tag: SNAPSHOT_TAG, vmstate: SNAPSHOT_STATE_NODE, devices: [SNAPSHOT_STATE_NODE, ...devices] });
  for (; ; ) {
    const jobs = await qmp.execute("query-jobs");
    const job = jobs.find((j) => j.id === jobId);
    if (job === void 0) throw new Error(`${command}: job ${jobId} vanished before it concluded`);
    if (job.status === "concluded") {
      await qmp.execute("job-dismiss", { id: jobId });
      if (job.error) throw new Error(`${command} failed: ${job.error}`);
      return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${command} did not conclude within ${timeoutMs / 1e3} s (job status ${job.status})`);
    await sleep(pollMs);
  }
}

// src/run/qemu-argv.ts
var GUEST_AGENT_PORT = "org.qemu.guest_agent.0";
var BLOCK_TRACE_EVENTS = [
  "bdrv_open_common",
  "blk_co_preadv",
  "blk_co_pwritev",
  "virtio_blk_handle_read",
  "virtio_blk_handle_write",
  "virtio_blk_rw_complete",
  "virtio_blk_req_complete"
];
function escapeOptionValue(value) {
  return value.replaceAll(",", ",,");
}
function buildQemuArgv(plan, provisioned, paths) {
  const argv = [
    provisioned.qemuBinary,
    "-machine",
    plan.machineType,
    "-accel",
    provisioned.accel,
    "-nodefaults",
    "-display",
    "none",
    "-serial",
    "stdio",
    // vm.reset rules need the guest to reboot; the runner then ends a panicking guest itself.
    ...plan.host.rebootOnReset ? [] : ["-no-reboot"],
    "-m",
    plan.memory,
    "-smp",
    String(plan.cpus)
  ];
  if (plan.host.startPaused) argv.push("-S");
  const cpu = plan.cpu ?? (provisioned.accel === "kvm" ? "host" : archData[plan.arch].cpu);
  if (cpu) argv.push("-cpu", cpu);
  if (plan.rtcBase) argv.push("-rtc", `base=${plan.rtcBase}`);
  for (const dir of provisioned.firmwareDirs) argv.push("-L", dir);
  if (provisioned.bios) argv.push("-bios", provisioned.bios);
  if (plan.boot === "kernel") {
    if (!provisioned.kernel) throw new Error("internal: direct kernel boot without a kernel");
    argv.push("-kernel", provisioned.kernel);
    if (provisioned.initrd) argv.push("-initrd", provisioned.initrd);
    argv.push("-append", plan.append);
  }
  argv.push(...exitDeviceArgs(plan));
  argv.push("-qmp", `unix:${escapeOptionValue(paths.qmpSocket)},server=on,wait=off`);
  for (const entry of plan.fwCfg) {
    const file = paths.fwCfgFiles.get(entry.name);
    if (!file) throw new Error(`internal: no file written for fw_cfg entry ${entry.name}`);
    argv.push("-fw_cfg", `name=${entry.name},file=${escapeOptionValue(file)}`);
  }
  if (plan.icount) argv.push("-icount", "shift=0,sleep=off", "-rtc", "base=2020-01-01T00:00:00,clock=vm");
  for (const plugin of provisioned.plugins) {
    const args = plugin.role === "qfi" ? qfiPluginArgs(plan, paths) : plugin.args;
    argv.push("-plugin", [`file=${plugin.so}`, ...args].map(escapeOptionValue).join(","));
  }
  argv.push(...diskArgs(plan, provisioned));
  if (paths.snapshotState) {
    argv.push("-blockdev", JSON.stringify({ driver: "file", "node-name": SNAPSHOT_STATE_FILE_NODE, filename: paths.snapshotState }));
    argv.push("-blockdev", JSON.stringify({ driver: "qcow2", "node-name": SNAPSHOT_STATE_NODE, file: SNAPSHOT_STATE_FILE_NODE }));
  }
  argv.push(...serialPortArgs(paths));
  if (plan.host.nicId) argv.push("-netdev", "user,id=qfi-net0", "-device", `virtio-net-pci,netdev=qfi-net0,id=${plan.host.nicId}`);
  if (paths.blockTrace) {
    for (const event of BLOCK_TRACE_EVENTS) argv.push("-trace", `enable=${event}`);
    argv.push("-D", paths.blockTrace, "-msg", "timestamp=on");
  }
  argv.push(...plan.extraArgs);
  return argv;
}
function serialPortArgs(paths) {
  const ports = [];
  if (paths.guestAgentSocket) {
    ports.push("-chardev", `socket,id=qfi-qga,path=${escapeOptionValue(paths.guestAgentSocket)},server=on,wait=off`);
    ports.push("-device", `virtserialport,chardev=qfi-qga,name=${GUEST_AGENT_PORT}`);
  }
  if (paths.guestResults) {
    ports.push("-chardev", `file,id=qfi-results,path=${escapeOptionValue(paths.guestResults)}`);
    ports.push("-device", `virtserialport,chardev=qfi-results,name=${RESULTS_PORT}`);
  }
  return ports.length > 0 ? ["-device", "virtio-serial-pci,id=qfi-serial0", ...ports] : [];
}
function diskArgs(plan, provisioned) {
  const argv = [];
  plan.host.disks.forEach((disk, i2) => {
    const image = provisioned.disks[i2]?.image;
    if (image === void 0) throw new Error(`internal: disk ${disk.id} was not provisioned`);
    argv.push(...diskNodeArgs(disk, image));
    const bootIndex = disk.boot ? ",bootindex=0" : "";
    argv.push(
      "-device",
      `virtio-blk-pci,drive=${disk.formatNode},id=${disk.deviceId},serial=${disk.id},rerror=report,werror=report,request-merging=off${bootIndex}`
    );
  });
  return argv;
}
function diskNodeArgs(disk, image) {
  const readOnly = disk.readOnly ? { "read-only": true } : {};
  return [
    "-blockdev",
    JSON.stringify({ driver: "file", "node-name": disk.fileNode, filename: image, ...readOnly }),
    "-blockdev",
    JSON.stringify({ driver: disk.format, "node-name": disk.formatNode, file: disk.fileNode, ...readOnly })
  ];
}
function exitDeviceArgs(plan) {
  switch (plan.verdictSources.exitDevice) {
    case "isa-debug-exit":
      return ["-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"];
    case "semihosting":
      return ["-semihosting-config", "enable=on,target=native"];
    case "none":
      return [];
  }
}
function qfiPluginArgs(plan, paths) {
  if (!paths.qfiPlugin) throw new Error("internal: qfi plugin loaded without its run files");
  const { rules, log, socket } = paths.qfiPlugin;
  return [`log=${log}`, `rules=${rules}`, `socket=${socket}`, `seed=${plan.seed}`];
}

// src/run/run-setup.ts
function prepareRun(plan, provisioned, dirs, snapshotState) {
  const { resultsDir, privateDir } = dirs;
  const files = {
    dir: resultsDir,
    console: join32(resultsDir, RESULTS_FILES.console),
    qemuStderr: join32(resultsDir, RESULTS_FILES.qemuStderr),
    qmpLog: join32(resultsDir, RESULTS_FILES.qmpLog)
  };
  const fwCfgFiles = /* @__PURE__ */ new Map();
  plan.fwCfg.forEach((entry, i2) => {
    const path6 = join32(privateDir, `fw_cfg-${i2}`);
    writeFileSync6(path6, entry.content, { mode: 384 });
    fwCfgFiles.set(entry.name, path6);
  });
  const qfiPlugin = provisioned.plugins.some((p) => p.role === "qfi") ? { rules: join32(privateDir, "plugin-rules.txt"), log: join32(resultsDir, RESULTS_FILES.injections), socket: join32(privateDir, "plugin.sock") } : void 0;
  if (qfiPlugin)
    writeFileSync6(
      qfiPlugin.rules,
      plan.pluginRules.filter((r) => !r.waitsFor).map((r) => `${r.line}
`).join(""),
      { mode: 384 }
    );
  const hasBlockRules = plan.host.hostRules.some((r) => r.layer === "block") || plan.host.countRequests;
  const paths = {
    qmpSocket: join32(privateDir, "qmp.sock"),
    fwCfgFiles,
    ...plan.agent === "qemu-guest-agent" ? { guestAgentSocket: join32(privateDir, "qga.sock") } : {},
    // qfi's agent copies the results file to a virtio-serial port; QEMU writes it here.
    ...plan.agent === "qfi" && plan.resultsFile !== void 0 ? { guestResults: join32(resultsDir, RESULTS_FILES.guestResults) } : {},
    ...qfiPlugin ? { qfiPlugin } : {},
    ...hasBlockRules ? { blockTrace: join32(resultsDir, RESULTS_FILES.blockTrace) } : {},
    ...snapshotState ? { snapshotState } : {}
  };
  return { files, paths, argv: buildQemuArgv(plan, provisioned, paths) };
}

// src/run/qemu-process.ts
import { setTimeout as sleep2 } from "node:timers/promises";

// src/run/serial-line-ends.ts
var CR2 = 13;
var LF2 = 10;
var SerialLineEnds = class {
  heldCr = false;
  push(chunk) {
    if (!this.heldCr && !chunk.includes(CR2)) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + 1);
    let length = 0;
    for (const byte of chunk) {
      if (this.heldCr && byte !== LF2) out[length++] = CR2;
      this.heldCr = byte === CR2;
      if (!this.heldCr) out[length++] = byte;
    }
    return out.subarray(0, length);
  }
  /** What is still held back when the console closes: a final `\r`, or nothing. */
  end() {
    const rest = this.heldCr ? Buffer.from([CR2]) : Buffer.alloc(0);
    this.heldCr = false;
    return rest;
  }
};

// src/run/stale-runs.ts
import { appendFileSync as appendFileSync2, readFileSync as readFileSync19 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join33 } from "node:path";
var PRIVATE_DIR_PREFIX = "qfi-run-";
var QEMU_PIDS = "qemu.pids";
function makePrivateDir() {
  return makeOwnedDir(tmpdir2(), PRIVATE_DIR_PREFIX);
}
function recordQemu(privateDir, pid) {
  const id = identityOf(pid);
  if (id) appendFileSync2(join33(privateDir, QEMU_PIDS), `${id.pid} ${id.start}
`);
}
function sweepStaleRuns(log, parent = tmpdir2()) {
  const removed = sweepOwnedDirs(parent, PRIVATE_DIR_PREFIX, (dir) => {
    for (const qemu of recordedQemus(dir)) {
      if (!isRunning(qemu) || !commandLineNames(qemu.pid, dir)) continue;
      log.warn(`killing QEMU (pid ${qemu.pid}) left running by a qfi run that ended without stopping it`);
      try {
        process.kill(qemu.pid, "SIGKILL");
      } catch {
      }
    }
  });
  if (removed.length) log.debug(`removed ${removed.length} private folder(s) of ended runs: ${removed.join(", ")}`);
}
function recordedQemus(dir) {
  let text;
  try {
    text = readFileSync19(join33(dir, QEMU_PIDS), "utf8");
  } catch {
    return [];
  }
  return text.split("\n").map((line) => /^(\d+) (\d*)$/.exec(line)).filter((m) => m !== null).map((m) => ({ pid: Number(m[1]), start: m[2] }));
}
function commandLineNames(pid, dir) {
  try {
    return readFileSync19(`/proc/${pid}/cmdline`, "utf8").includes(dir);
  } catch {
    return false;
  }
}

// src/run/qemu-process.ts
var STDERR_TAIL_LINES = 20;
var QemuProcess = class {
  constructor(argv, opts) {
    this.opts = opts;
    this.stopStepMs = opts.stopStepMs ?? 3e3;
    const [file, args] = diesWithParent(argv[0], argv.slice(1));
    this.child = execa(file, args, {
      stdin: opts.talksToGuest ? "pipe" : "ignore",
      stdout: opts.consoleFile === void 0 ? "ignore" : "pipe",
      stderr: "pipe",
      buffer: false,
      reject: false,
      cleanup: true
    });
    this.pid = this.child.pid;
    if (this.pid !== void 0 && opts.privateDir) recordQemu(opts.privateDir, this.pid);
    this.exited = this.supervise();
  }
  opts;
  pid;
  /** Resolves once QEMU has exited and both files are written and closed. */
  exited;
  /** The last non-empty stderr lines (whole lines: QEMU writes one message in several pieces). */
  stderrTail = [];
  hasExited = false;
  stopping;
  signalsSent = /* @__PURE__ */ new Set();
  writeFailed;
  child;
  stopStepMs;
  /** Whether the stop sequence has begun (qfi ended the run, not QEMU or the guest). */
  get isStopping() {
    return this.stopping !== void 0;
  }
  get hasEnded() {
    return this.hasExited;
  }
  /** The first write error of console.log or qemu-stderr.log. */
  get writeFailure() {
    return this.writeFailed;
  }
  /**
   * Whether qfi's stop sequence sent QEMU `signal`. A death by a signal qfi did not send is QEMU's
   * own or someone else's, even when qfi's stop had begun (a crash noticed only as the stop began).
   */
  sentSignal(signal) {
    return this.signalsSent.has(signal);
  }
  /** A line to the guest's console input (the guest reads it with echo off). */
  tellGuest(line) {
    const stdin = this.child.stdin;
    if (!this.hasExited && stdin && !stdin.destroyed) stdin.write(consoleInput(line));
  }
  /** Ends QEMU: `quit` first (QMP, when connected), then SIGTERM, then SIGKILL. Called again, the same stop. */
  stop(quit) {
    this.stopping ??= (async () => {
      if (this.hasExited) return;
      if (quit) await quit(this.stopStepMs).catch(() => void 0);
      if (await this.exitsWithin(this.stopStepMs)) return;
      this.opts.log.warn("QEMU did not quit over QMP; sending SIGTERM");
      this.signalsSent.add("SIGTERM");
      this.child.kill("SIGTERM");
      if (await this.exitsWithin(this.stopStepMs)) return;
      this.opts.log.warn("QEMU ignored SIGTERM; sending SIGKILL");
      this.signalsSent.add("SIGKILL");
      this.child.kill("SIGKILL");
      await this.exitsWithin(this.stopStepMs);
    })();
    return this.stopping;
  }
  async supervise() {
    const onFailure = (failure) => {
      this.writeFailed ??= failure;
      this.opts.onWriteFailure?.(failure);
    };
    const consoleOut = this.opts.consoleFile === void 0 ? void 0 : new LogFile(this.opts.consoleFile, { onFailure });
    const stderrOut = new LogFile(this.opts.stderrFile, { onFailure });
    const lines = new LineStream(this.opts.onConsoleLine ?? (() => void 0));
    const stderrLines = new LineStream((line) => {
      if (line.trim() === "") return;
      this.stderrTail.push(line);
      this.stderrTail.splice(0, Math.max(0, this.stderrTail.length - STDERR_TAIL_LINES));
    });
    const consoleEnds = new SerialLineEnds();
    const onConsoleBytes = (bytes) => {
      if (bytes.length === 0 || !consoleOut) return;
      consoleOut.write(bytes);
      lines.push(bytes);
    };
    this.child.stdout?.on("data", (chunk) => onConsoleBytes(consoleEnds.push(chunk)));
    this.child.stderr.on("data", (chunk) => {
      stderrOut.write(chunk);
      stderrLines.push(chunk);
    });
    const result = await this.child;
    this.hasExited = true;
    onConsoleBytes(consoleEnds.end());
    lines.end();
    stderrLines.end();
    await Promise.all([consoleOut?.end(), stderrOut.end()]);
    return { code: result.exitCode, signal: result.signal, failed: result.failed, message: result.message ?? "" };
  }
  async exitsWithin(ms) {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return true;
    return Promise.race([this.child.then(() => true), sleep2(ms, void 0, { ref: false }).then(() => false)]);
  }
};

// src/run/verdict-sources.ts
var MarkerWatch = class {
  success;
  failure;
  seenSuccess = false;
  seenFailure = false;
  constructor(sources) {
    this.success = sources.successMarker === void 0 ? void 0 : new RegExp(sources.successMarker);
    this.failure = sources.failureMarker === void 0 ? void 0 : new RegExp(sources.failureMarker);
  }
  get active() {
    return this.success !== void 0 || this.failure !== void 0;
  }
  check(text, line, atMs) {
    if (this.failure && !this.seenFailure && this.failure.test(text)) {
      this.seenFailure = true;
      return { kind: "failure-marker", line, atMs, text };
    }
    if (this.success && !this.seenSuccess && this.success.test(text)) {
      this.seenSuccess = true;
      return { kind: "success-marker", line, atMs, text };
    }
    return void 0;
  }
};
function decodeGuestExit(device, status) {
  switch (device) {
    case "isa-debug-exit":
      if (status === 0) return { kind: "power-off" };
      return status % 2 === 1 ? { kind: "code", code: (status - 1) / 2 } : void 0;
    case "semihosting":
      return { kind: "code", code: status };
    case "none":
      return void 0;
  }
}
function qemuReportedError(stderrLines, binaryName) {
  return stderrLines.some((l) => l.startsWith(`${binaryName}:`) && !l.startsWith(`${binaryName}: warning:`));
}

// src/run/exit-classification.ts
function classifyExit(facts) {
  const { exit, stderrTail } = facts;
  const out = {};
  const outside = facts.stopped ? void 0 : outsideSignal(stderrTail);
  if (outside) {
    out.infraError = `QEMU was ended from outside qfi after ${(facts.wallMs / 1e3).toFixed(1)} s (${outside}): the run was cut off, so nothing is known about the test`;
    return out;
  }
  if (facts.exitDevice !== "none" && !facts.stopped && !exit.signal && exit.code !== void 0 && !qemuReportedError(stderrTail, facts.binaryName)) {
    const guestExit = decodeGuestExit(facts.exitDevice, exit.code);
    if (guestExit) out.guestExit = guestExit;
  }
  if (exit.failed && exit.code === void 0 && exit.signal === void 0) {
    out.infraError = `QEMU could not be started: ${exit.message}`;
  } else if (!facts.stopped && !facts.crashed && facts.commandExitCode === void 0 && out.guestExit === void 0 && (exit.signal || exit.code !== 0)) {
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    out.infraError = `QEMU ${how} after ${(facts.wallMs / 1e3).toFixed(1)} s${stderrTail.length ? `: ${stderrTail.slice(-5).join(" | ")}` : ""}${missingFirmwareHint(stderrTail)}`;
  }
  return out;
}
function outsideSignal(stderr) {
  const line = stderr.find((l) => /: terminating on signal \d+/.test(l));
  return line?.slice(line.indexOf("terminating on signal")).trim();
}
function missingFirmwareHint(stderr) {
  const missing = stderr.some((l) => /could not load PC BIOS|failed to find romfile|Could not open option rom|could not find .* firmware/i.test(l));
  return missing ? " (QEMU did not find its firmware: install the distribution's, on Debian/Ubuntu apt-get install seabios ipxe-qemu qemu-system-data)" : "";
}

// src/run/console-listener.ts
var ConsoleListener = class {
  /** Lines heard so far (console.log's line count). */
  lines = 0;
  parser;
  markers;
  constructor(markerToken, sources) {
    this.parser = new ConsoleParser(markerToken);
    this.markers = new MarkerWatch(sources);
  }
  /** The events of one line, parsed event first. */
  hear(text, atMs) {
    this.lines++;
    const events = [];
    const event = this.parser.parseLine(text, this.lines, atMs);
    if (event) events.push(event);
    const marker = this.markers.active ? this.markers.check(text, this.lines, atMs) : void 0;
    if (marker) events.push(marker);
    return events;
  }
};

// src/run/watchdog.ts
var POWER_OFF_GRACE_MS = 15e3;
var CRASH_GRACE_MS = 1e3;
var WatchdogState = class {
  constructor(policy, startMs = 0) {
    this.policy = policy;
    const { timeouts } = policy;
    if (policy.hasAgent && !policy.trial) this.deadlines.set("boot", startMs + timeouts.bootMs);
    if (!policy.hasAgent) this.deadlines.set("test", startMs + timeouts.testMs);
    this.deadlines.set("overall", startMs + timeouts.overallMs);
  }
  policy;
  deadlines = /* @__PURE__ */ new Map();
  timedOut = false;
  /** The earliest pending deadline (ms on the run's clock), if any. */
  nextDeadline() {
    const all = [...this.deadlines.values()];
    return all.length ? Math.min(...all) : void 0;
  }
  /** Feeds one input at `nowMs`; returns what is due, earliest first. */
  feed(input, nowMs) {
    if (input.kind === "event") this.onEvent(input.event, nowMs);
    else if (input.kind === "reset") {
      this.deadlines.delete("test");
      if (this.policy.hasAgent) this.deadlines.set("boot", nowMs + this.policy.timeouts.bootMs);
    } else if (input.kind === "resumed") this.deadlines.set("test", nowMs + this.policy.timeouts.testMs);
    return this.due(nowMs);
  }
  onEvent(event, nowMs) {
    const { policy } = this;
    switch (event.kind) {
      case "agent-ready":
        this.deadlines.delete("boot");
        break;
      case "test-start":
        this.deadlines.set("test", nowMs + policy.timeouts.testMs);
        break;
      case "test-exit":
        this.deadlines.delete("test");
        if (!policy.trial) this.soonest("power-off", nowMs + POWER_OFF_GRACE_MS);
        break;
      case "panic":
      case "oops":
      case "bug":
        if (event.kind === "panic" && policy.rebootOnReset || policy.trial) this.soonest("crash", nowMs + CRASH_GRACE_MS);
        break;
      case "success-marker":
      case "failure-marker":
        if (policy.markersEnd) this.soonest("marker", nowMs + (event.kind === "failure-marker" ? CRASH_GRACE_MS : 0));
        break;
      default:
        break;
    }
  }
  soonest(deadline, at) {
    this.deadlines.set(deadline, Math.min(at, this.deadlines.get(deadline) ?? Infinity));
  }
  due(nowMs) {
    const due = [...this.deadlines].filter(([, at]) => at <= nowMs).sort((a2, b) => a2[1] - b[1]);
    const actions = [];
    for (const [deadline] of due) {
      this.deadlines.delete(deadline);
      if (deadline === "boot" || deadline === "test" || deadline === "overall") {
        if (this.timedOut) continue;
        this.timedOut = true;
        for (const kind of ["boot", "test", "overall"]) this.deadlines.delete(kind);
        actions.push({ kind: "timeout", which: deadline });
      } else actions.push({ kind: "stop", why: deadline });
    }
    return actions;
  }
};
var Watchdog = class {
  constructor(state, now, onAction) {
    this.state = state;
    this.now = now;
    this.onAction = onAction;
    this.arm();
  }
  state;
  now;
  onAction;
  timer;
  closed = false;
  feed(input) {
    if (this.closed) return;
    for (const action of this.state.feed(input, this.now())) this.onAction(action);
    this.arm();
  }
  close() {
    this.closed = true;
    clearTimeout(this.timer);
  }
  arm() {
    clearTimeout(this.timer);
    const next = this.state.nextDeadline();
    if (next === void 0 || this.closed) return;
    this.timer = setTimeout(() => this.feed({ kind: "tick" }), Math.max(0, next - this.now()));
  }
};

// src/run/guest-agent-session.ts
import { join as join34 } from "node:path";

// src/run/guest-agent.ts
import { randomInt as randomInt2 } from "node:crypto";
import { setTimeout as sleep3 } from "node:timers/promises";

// src/run/line-channel.ts
import { createConnection } from "node:net";
var NEWLINE = 10;
var Transcript = class {
  constructor(stream, startedAt, maxLineChars2 = Infinity) {
    this.stream = stream;
    this.startedAt = startedAt;
    this.maxLineChars = maxLineChars2;
  }
  stream;
  startedAt;
  maxLineChars;
  write(direction, line) {
    if (!this.stream) return;
    const t = ((Date.now() - this.startedAt) / 1e3).toFixed(3);
    const max = this.maxLineChars;
    const text = line.length > max ? `${line.slice(0, max)}\u2026 (${line.length - max} more characters)` : line;
    this.stream.write(`${t} ${direction} ${text}
`);
  }
};
function connectUnix(path6) {
  return new Promise((resolve12, reject) => {
    const socket = createConnection(path6);
    socket.once("connect", () => {
      socket.off("error", reject);
      resolve12(socket);
    });
    socket.once("error", reject);
  });
}
var LineChannel = class {
  constructor(socket, opts) {
    this.socket = socket;
    this.opts = opts;
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("close", () => this.end(opts.closedError(void 0)));
    socket.on("error", (err) => this.end(opts.closedError(err)));
  }
  socket;
  opts;
  waiters = [];
  partial = [];
  closedWith;
  /** Why the conversation is over (undefined while it goes on). */
  get closed() {
    return this.closedWith;
  }
  /** Writes one line (and its transcript entry); `prefixByte` goes before it (a sentinel). */
  send(line, prefixByte) {
    if (this.closedWith) throw this.closedWith;
    this.opts.transcript?.write(">", prefixByte === void 0 ? line : `${showByte(prefixByte)}${line}`);
    const bytes = Buffer.from(`${line}
`);
    this.socket.write(prefixByte === void 0 ? bytes : Buffer.concat([Buffer.from([prefixByte]), bytes]));
  }
  /** The next message `accept` takes, or the timeout's error, the signal's reason, the connection's end. */
  waitFor(accept, opts) {
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise((resolve12, reject) => {
      const { signal } = opts;
      const onAbort = () => waiter.settle({ error: signal.reason });
      const timer = setTimeout(() => {
        if (opts.keepPlace) waiter.expired = true;
        waiter.settle({ error: opts.timeoutError() });
      }, opts.timeoutMs);
      let settled = false;
      const waiter = {
        accept,
        expired: false,
        settle: (outcome) => {
          if (!waiter.expired) this.drop(waiter);
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          if (settled) return;
          settled = true;
          if ("message" in outcome) resolve12(outcome.message);
          else reject(outcome.error);
        }
      };
      this.waiters.push(waiter);
      if (signal?.aborted) return onAbort();
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
  /** Ends the conversation: waiters get `reason`, the socket is destroyed. */
  close(reason = this.opts.closedError(void 0)) {
    this.end(reason);
    this.socket.destroy();
  }
  drop(waiter) {
    const i2 = this.waiters.indexOf(waiter);
    if (i2 >= 0) this.waiters.splice(i2, 1);
  }
  end(err) {
    if (this.closedWith) return;
    this.closedWith = err;
    this.opts.onClosed?.(err);
    for (const waiter of this.waiters.splice(0)) waiter.settle({ error: err });
  }
  /** Splits bytes into lines; the reset byte drops whatever partial line came before it. */
  onData(chunk) {
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NEWLINE, pos);
      const reset2 = this.opts.resetByte === void 0 ? -1 : chunk.indexOf(this.opts.resetByte, pos);
      if (reset2 !== -1 && (nl === -1 || reset2 < nl)) {
        const dropped = this.partial.reduce((n2, b) => n2 + b.length, 0) + (reset2 - pos);
        this.partial = [];
        const shown = showByte(this.opts.resetByte);
        this.opts.transcript?.write("<", dropped > 0 ? `${shown} (dropped ${dropped} bytes before it)` : shown);
        pos = reset2 + 1;
        continue;
      }
      if (nl === -1) {
        this.partial.push(chunk.subarray(pos));
        return;
      }
      const line = Buffer.concat([...this.partial, chunk.subarray(pos, nl)]).toString("utf8").trim();
      this.partial = [];
      pos = nl + 1;
      if (line) this.onLine(line);
    }
  }
  onLine(line) {
    this.opts.transcript?.write("<", line);
    const message = this.opts.decode(line);
    if (message === void 0) {
      this.opts.onUndecodable?.(line);
      return;
    }
    const waiter = this.waiters.find((w) => w.accept(message));
    if (!waiter) this.opts.onUnclaimed?.(message);
    else if (waiter.expired) this.drop(waiter);
    else waiter.settle({ message });
  }
};
function showByte(byte) {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`;
}
function decodeJson(line) {
  try {
    return JSON.parse(line);
  } catch {
    return void 0;
  }
}

// src/run/guest-agent.ts
var SENTINEL = 255;
var LOG_LINE_MAX = 2e3;
var FILE_CHUNK_BYTES = 1024 * 1024;
var STUCK_HINT = "the guest may be stuck or overloaded: see the console log";
var NOT_READY_HINT = "is qemu-guest-agent installed and enabled in the image (Debian/Ubuntu: apt-get install qemu-guest-agent; its udev rule starts it when the port appears)? QEMU needs -device virtio-serial-pci and -device virtserialport,chardev=...,name=org.qemu.guest_agent.0; a guest under TCG may need a longer boot-timeout";
var GuestAgentCommandError = class extends InfraError {
  constructor(command, errorClass, desc) {
    super(`guest agent ${command} failed: ${errorClass}: ${desc}`, {
      hint: /disabled/i.test(desc) ? `the agent in the guest refuses ${command}: remove it from qemu-ga's --block-rpcs (or blacklist) in the image` : void 0
    });
    this.command = command;
    this.errorClass = errorClass;
    this.desc = desc;
  }
  command;
  errorClass;
  desc;
};
var GuestAgentTimeoutError = class extends InfraError {
  constructor(message, hint) {
    super(message, { hint });
  }
};
var GuestAgentNotReadyError = class extends GuestAgentTimeoutError {
  constructor(waitedMs, attempts) {
    super(`the guest agent did not answer within ${(waitedMs / 1e3).toFixed(1)} s (${attempts} sync attempts)`, NOT_READY_HINT);
    this.waitedMs = waitedMs;
    this.attempts = attempts;
  }
  waitedMs;
  attempts;
};
async function pause(ms, signal) {
  try {
    await sleep3(ms, void 0, signal ? { signal } : {});
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    throw err;
  }
}
var GuestAgent = class _GuestAgent {
  constructor(socket, log, startedAt, commandTimeoutMs) {
    this.commandTimeoutMs = commandTimeoutMs;
    this.transcript = new Transcript(log, startedAt, LOG_LINE_MAX);
    this.channel = new LineChannel(socket, {
      decode: decodeJson,
      transcript: this.transcript,
      resetByte: SENTINEL,
      onUndecodable: () => this.transcript.write("#", "not JSON: dropped"),
      onUnclaimed: () => this.transcript.write("#", "stale reply: dropped"),
      closedError: (cause) => cause ? new InfraError(`guest agent connection: ${cause.message}`, { cause }) : new InfraError("the guest agent connection closed (QEMU exited?)"),
      onClosed: (err) => this.transcript.write("#", err.message)
    });
  }
  commandTimeoutMs;
  channel;
  transcript;
  turn = Promise.resolve();
  /** A reply may still be on its way (a command timed out or was aborted): resync before the next. */
  dirty = true;
  nextId = 1;
  /**
   * Connects to QEMU's end of the agent channel, retrying while QEMU has not created the socket
   * yet. Connecting says nothing about the agent: call `waitReady` next.
   */
  static async connect(path6, opts = {}) {
    const deadline = Date.now() + (opts.connectTimeoutMs ?? 1e4);
    for (; ; ) {
      opts.signal?.throwIfAborted();
      try {
        const socket = await connectUnix(path6);
        return new _GuestAgent(socket, opts.log, opts.startedAt ?? Date.now(), opts.commandTimeoutMs ?? 3e4);
      } catch (err) {
        const code = err.code;
        if (code !== "ENOENT" && code !== "ECONNREFUSED" || Date.now() >= deadline) {
          throw new InfraError(`could not connect to the guest agent socket ${path6}: ${err.message}`, {
            hint: "QEMU must run with -chardev socket,path=...,server=on,wait=off for the agent channel",
            cause: err
          });
        }
        await pause(50, opts.signal);
      }
    }
  }
  /**
   * Waits until the agent answers: `guest-sync-delimited` attempts (each waits longer, from 1 s up
   * to 5 s, so a slow guest's answer is not dropped for a newer attempt's), then `guest-ping`.
   * Throws GuestAgentNotReadyError at the deadline, the signal's reason when aborted.
   */
  async waitReady(opts) {
    const started = Date.now();
    const deadline = started + opts.timeoutMs;
    let attempts = 0;
    let attemptMs = 1e3;
    for (; ; ) {
      opts.signal?.throwIfAborted();
      const left = deadline - Date.now();
      if (left <= 0) throw new GuestAgentNotReadyError(Date.now() - started, attempts);
      attempts++;
      try {
        await this.serialized(() => this.resync({ timeoutMs: Math.min(attemptMs, left), signal: opts.signal }));
        await this.ping({ timeoutMs: Math.max(1, deadline - Date.now()), signal: opts.signal });
        return { ms: Date.now() - started, attempts };
      } catch (err) {
        if (!(err instanceof GuestAgentTimeoutError)) throw err;
      }
      attemptMs = Math.min(attemptMs * 1.5, 5e3);
    }
  }
  ping(opts = {}) {
    return this.execute("guest-ping", void 0, opts);
  }
  /** The agent's version and which commands it has enabled. */
  info(opts = {}) {
    return this.execute("guest-info", void 0, opts);
  }
  /** Starts a program; returns its PID in the guest, for `execStatus`. */
  async exec(request, opts = {}) {
    const args = { path: request.path, "capture-output": request.captureOutput ?? true };
    if (request.args) args.arg = [...request.args];
    if (request.env) args.env = Object.entries(request.env).map(([k, v]) => `${k}=${v}`);
    if (request.input) args["input-data"] = Buffer.from(request.input).toString("base64");
    const { pid } = await this.execute("guest-exec", args, opts);
    return pid;
  }
  /** One poll. Once it reports `exited`, the agent forgets the PID: a second call is an error. */
  async execStatus(pid, opts = {}) {
    const raw = await this.execute("guest-exec-status", { pid }, opts);
    return {
      exited: raw.exited,
      ...raw.exitcode !== void 0 ? { exitCode: raw.exitcode } : {},
      ...raw.signal !== void 0 ? { signal: raw.signal } : {},
      stdout: Buffer.from(raw["out-data"] ?? "", "base64"),
      stderr: Buffer.from(raw["err-data"] ?? "", "base64"),
      stdoutTruncated: raw["out-truncated"] ?? false,
      stderrTruncated: raw["err-truncated"] ?? false
    };
  }
  /**
   * Runs a program to its end: guest-exec, then guest-exec-status polls (20 ms, doubling up to
   * `maxPollMs`). A program still running at `timeoutMs` is a result with `timedOut`, not an
   * error (a hang is a verdict); the agent's own failures throw.
   */
  async run(request, opts = {}) {
    const started = Date.now();
    const pid = await this.exec(request, { signal: opts.signal });
    const deadline = opts.timeoutMs === void 0 ? Infinity : started + opts.timeoutMs;
    const statusOpts = { timeoutMs: opts.statusTimeoutMs ?? 12e4, signal: opts.signal };
    let pollMs2 = 20;
    for (; ; ) {
      const status = await this.execStatus(pid, statusOpts);
      if (status.exited) return { ...status, pid, timedOut: false, ms: Date.now() - started };
      const left = deadline - Date.now();
      if (left <= 0) {
        return {
          exited: false,
          stdout: Buffer.alloc(0),
          stderr: Buffer.alloc(0),
          stdoutTruncated: false,
          stderrTruncated: false,
          pid,
          timedOut: true,
          ms: Date.now() - started
        };
      }
      await pause(Math.min(pollMs2, left), opts.signal);
      pollMs2 = Math.min(pollMs2 * 2, opts.maxPollMs ?? 250);
    }
  }
  /** A whole file from the guest (guest-file-open, -read until EOF, -close). */
  async readFile(path6, opts = {}) {
    const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    const call = { timeoutMs: opts.timeoutMs, signal: opts.signal };
    const handle = await this.execute("guest-file-open", { path: path6, mode: "r" }, call);
    const parts = [];
    let total = 0;
    try {
      for (; ; ) {
        const r = await this.execute("guest-file-read", { handle, count: FILE_CHUNK_BYTES }, call);
        const bytes = Buffer.from(r["buf-b64"], "base64");
        total += bytes.length;
        if (total > maxBytes) {
          throw new InfraError(`${path6} in the guest is larger than ${maxBytes} bytes`, { hint: "write a smaller file, or read it in parts" });
        }
        parts.push(bytes);
        if (r.eof || r.count === 0) break;
      }
    } finally {
      await this.execute("guest-file-close", { handle }, call).catch(() => void 0);
    }
    return Buffer.concat(parts);
  }
  /**
   * guest-shutdown (`powerdown` by default). The agent answers only when it fails, so this waits
   * `errorWaitMs` (default 1 s) for an error, or for the connection to close as QEMU exits; success
   * is QEMU exiting, which the caller waits for.
   */
  shutdown(opts = {}) {
    return this.serialized(async () => {
      if (this.dirty) await this.resync({ timeoutMs: this.commandTimeoutMs, signal: opts.signal });
      const id = `qfi-${this.nextId++}`;
      this.channel.send(JSON.stringify({ execute: "guest-shutdown", arguments: { mode: opts.mode ?? "powerdown" }, id }));
      this.dirty = true;
      try {
        const msg = await this.waitFor((m) => m.id === id || m.id === void 0, opts.errorWaitMs ?? 1e3, opts.signal, "guest-shutdown");
        if (msg.error) throw new GuestAgentCommandError("guest-shutdown", msg.error.class ?? "Error", msg.error.desc ?? "");
      } catch (err) {
        if (err instanceof GuestAgentTimeoutError) return;
        if (this.channel.closed && err === this.channel.closed) return;
        throw err;
      }
    });
  }
  close() {
    this.channel.close(new InfraError("the guest agent connection was closed by qfi"));
  }
  /** One command and its reply, after a resync when the stream may hold a stale reply. */
  execute(command, args, opts = {}) {
    return this.serialized(async () => {
      const timeoutMs = opts.timeoutMs ?? this.commandTimeoutMs;
      if (this.dirty) await this.resync({ timeoutMs, signal: opts.signal });
      const id = `qfi-${this.nextId++}`;
      this.channel.send(JSON.stringify(args === void 0 ? { execute: command, id } : { execute: command, arguments: args, id }));
      let msg;
      try {
        msg = await this.waitFor((m) => m.id === id || m.id === void 0, timeoutMs, opts.signal, command);
      } catch (err) {
        this.dirty = true;
        throw err;
      }
      if (msg.error) throw new GuestAgentCommandError(command, msg.error.class ?? "Error", msg.error.desc ?? "");
      return msg.return;
    });
  }
  /** 0xFF + guest-sync-delimited with a fresh id; every reply until the one with that id is stale. */
  async resync(opts) {
    const id = randomInt2(1, 2 ** 47);
    this.dirty = true;
    this.channel.send(JSON.stringify({ execute: "guest-sync-delimited", arguments: { id } }), SENTINEL);
    await this.waitFor((m) => m.return === id, opts.timeoutMs, opts.signal, "guest-sync-delimited", NOT_READY_HINT);
    this.dirty = false;
  }
  serialized(fn) {
    const run = this.turn.then(fn, fn);
    this.turn = run.catch(() => void 0);
    return run;
  }
  waitFor(accept, timeoutMs, signal, what, hint = STUCK_HINT) {
    const timeoutError = () => new GuestAgentTimeoutError(`the guest agent did not answer ${what} within ${(timeoutMs / 1e3).toFixed(1)} s`, hint);
    return this.channel.waitFor(accept, { timeoutMs, timeoutError, ...signal ? { signal } : {} });
  }
};

// src/run/guest-agent-session.ts
var GUEST_AGENT_FILES = { transcript: RESULTS_FILES.qgaTranscript, stdout: RESULTS_FILES.commandStdout, stderr: RESULTS_FILES.commandStderr };
function commandEnv(plan) {
  return {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOME: "/root",
    LANG: "C.UTF-8",
    QFI_SEED: String(plan.seed),
    QFI_RULES: plan.guestRules.join("\n")
  };
}
async function fetchResultsFile(agent, path6, opts) {
  try {
    const bytes = await agent.readFile(path6, { signal: opts.signal });
    writeResultFile(join34(opts.resultsDir, RESULTS_FILES.guestResults), bytes);
    opts.log.info(`results file ${path6}: ${bytes.length} bytes copied to ${RESULTS_FILES.guestResults}`);
  } catch (err) {
    if (opts.signal.aborted) throw err;
    opts.log.warn(`could not read results file ${path6} from the guest: ${err.message}`);
  }
}
async function runGuestAgentSession(opts) {
  const transcript = new LogFile(join34(opts.resultsDir, GUEST_AGENT_FILES.transcript));
  const at = () => Date.now() - opts.startedAt;
  let agent;
  try {
    agent = await GuestAgent.connect(opts.socket, { log: transcript, startedAt: opts.startedAt, signal: opts.signal });
    const ready = await agent.waitReady({ timeoutMs: opts.plan.timeouts.bootMs + 6e4, signal: opts.signal });
    opts.log.info(
      `qemu-guest-agent answered ${(at() / 1e3).toFixed(1)} s after QEMU started (${ready.attempts} sync attempt${ready.attempts === 1 ? "" : "s"})`
    );
    opts.onEvent({ kind: "agent-ready", line: 0, atMs: at(), text: "(qemu-guest-agent answered guest-ping)" });
    opts.onEvent({ kind: "test-start", line: 0, atMs: at(), text: "(guest-exec sh -c COMMAND)" });
    const result = await agent.run({ path: "sh", args: ["-c", opts.command], env: commandEnv(opts.plan) }, { signal: opts.signal });
    writeResultFile(join34(opts.resultsDir, GUEST_AGENT_FILES.stdout), result.stdout);
    writeResultFile(join34(opts.resultsDir, GUEST_AGENT_FILES.stderr), result.stderr);
    for (const [stream, truncated] of [
      ["stdout", result.stdoutTruncated],
      ["stderr", result.stderrTruncated]
    ]) {
      if (truncated) opts.log.warn(`the command's ${stream} was longer than qemu-guest-agent keeps (16 MiB); ${GUEST_AGENT_FILES[stream]} has its start`);
    }
    if (opts.plan.resultsFile !== void 0) await fetchResultsFile(agent, opts.plan.resultsFile, opts);
    const exitCode = result.exitCode ?? 128 + (result.signal ?? 0);
    opts.onEvent({ kind: "test-exit", line: 0, atMs: at(), text: `(guest-exec-status: exit code ${exitCode})`, exitCode });
    await agent.shutdown({ mode: "powerdown", signal: opts.signal }).catch((err) => {
      if (opts.signal.aborted) return;
      opts.log.warn(`the guest did not accept guest-shutdown (${err.message}); stopping QEMU`);
      opts.onPowerOffRefused();
    });
  } finally {
    agent?.close();
    await transcript.end();
  }
  if (transcript.failure) throw new InfraError(describeWriteFailure(transcript.failure));
}

// src/run/agent-drivers.ts
var ConsoleAgent = class {
  constructor(sync, tellGuest) {
    this.sync = sync;
    this.tellGuest = tellGuest;
  }
  sync;
  tellGuest;
  release(point) {
    if (point.kind === "start" && this.sync.syncTestStart) this.tellGuest(GO_LINE);
    else if (point.kind === "marker" && this.sync.syncMarkers.includes(point.name)) this.tellGuest(ackLine(point.name));
  }
  /** Nothing to end: the console is the process's. */
  stop() {
  }
};
var QemuGuestAgentDriver = class {
  session = new AbortController();
  console;
  constructor(opts) {
    this.console = new ConsoleAgent(opts.plan.host, opts.tellGuest);
    const { signal } = this.session;
    void runGuestAgentSession({ ...opts, command: opts.plan.command, signal }).catch((err) => {
      if (!signal.aborted) opts.onFailure(err);
    });
  }
  release(point) {
    this.console.release(point);
  }
  stop(reason) {
    this.session.abort(reason);
  }
};

// src/run/snapshot-driver.ts
var SnapshotDriver = class {
  constructor(run, opts) {
    this.run = run;
    this.opts = opts;
    this.point = run.at;
  }
  run;
  opts;
  /** When the state was saved or loaded, and how long that took (RunRecord.snapshot). */
  times;
  /** RunRecord.testEndIcount of a trial. */
  testEndIcount;
  point;
  timer;
  get resumes() {
    return this.run.kind === "resume";
  }
  /** Whether the state is saved at this event: then nothing else happens at it (the guest keeps waiting). */
  claims(event) {
    if (this.run.kind !== "save") return false;
    const { point } = this;
    if (event.kind === "marker" && point.kind === "marker" && event.name === point.name) {
      void this.save().catch(this.opts.fail(`saving the state at marker ${event.name}`));
      return true;
    }
    if (event.kind === "test-start" && point.kind === "start") {
      void this.save().catch(this.opts.fail("saving the state at the test start"));
      return true;
    }
    return false;
  }
  /** The test started (an event not claimed): a time point counts from here. */
  testStarted() {
    const { point } = this;
    if (this.run.kind !== "save" || point.kind !== "time") return;
    this.timer = setTimeout(() => void this.save().catch(this.opts.fail(`saving the state ${describeSnapshotPoint(point)}`)), point.ms);
  }
  /** QMP is up, QEMU paused: a trial loads its state and goes on. */
  async connected(client) {
    if (!this.resumes) return;
    const loadMs = await runSnapshotJob(client, "snapshot-load", this.run.devices);
    this.times = { loadMs };
    this.opts.onResumed();
    const resumeLine = resumeLineFor(this.point);
    if (resumeLine) this.opts.tellGuest(resumeLine);
    await client.execute("cont");
  }
  /** A trial ends with its test (no power-off to wait for). */
  async testEnded() {
    await this.opts.qmp()?.execute("stop").catch(() => void 0);
    this.testEndIcount = await this.opts.icount().catch(() => void 0);
    await this.opts.stop();
  }
  close() {
    clearTimeout(this.timer);
  }
  async save() {
    const qmp = this.opts.qmp();
    if (!qmp) throw new Error("QMP is not connected");
    await qmp.execute("stop");
    const savedAtMs = this.opts.elapsed();
    const saveMs = await runSnapshotJob(qmp, "snapshot-save", this.run.devices);
    this.times = { savedAtMs, saveMs };
    this.opts.log.debug(`state saved at ${(savedAtMs / 1e3).toFixed(2)} s in ${saveMs} ms`);
    await this.opts.stop();
  }
};

// src/run/host-faults.ts
import { closeSync as closeSync4, mkdirSync as mkdirSync6, openSync as openSync4, readSync as readSync3 } from "node:fs";
import { join as join35 } from "node:path";

// src/run/block-trace.ts
var LINE = /^(?:(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)Z )?(?:\d+@(\d+)\.(\d+):)?(\w+) (.*)$/;
function field(args, name) {
  return new RegExp(`(?:^| )${name} ([^ ]+)`).exec(args)?.[1];
}
function timeOf(iso, sec, usec) {
  if (iso !== void 0) {
    const [whole, frac = ""] = iso.split(".");
    return Date.parse(`${whole}Z`) + Number(`0.${frac || "0"}`) * 1e3;
  }
  if (sec !== void 0) return Number(sec) * 1e3 + Number(usec ?? "0") / 1e3;
  return void 0;
}
var BlockTraceReader = class {
  /** `images`: image path -> disk id. */
  constructor(images) {
    this.images = images;
    const disks = new Set(images.values());
    this.onlyDisk = disks.size === 1 ? [...disks][0] : void 0;
  }
  images;
  failures = [];
  /** Lines that named a device qfi could not tie to a disk. */
  unmatched = 0;
  formatNodes = /* @__PURE__ */ new Map();
  vdevDisk = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  awaitingBlk;
  totals = /* @__PURE__ */ new Map();
  lastTime = 0;
  /** With one disk, every virtio-blk device is it: no mapping to learn. */
  onlyDisk;
  addLine(line) {
    const m = LINE.exec(line.trim());
    if (!m) return;
    const [, iso, sec, usec, event, args = ""] = m;
    const at = timeOf(iso, sec, usec) ?? this.lastTime;
    this.lastTime = at;
    switch (event) {
      case "bdrv_open_common": {
        const format2 = /format_name "([^"]*)"/.exec(args)?.[1];
        const filename = /filename "([^"]*)"/.exec(args)?.[1];
        const disk = filename === void 0 ? void 0 : this.images.get(filename);
        if (disk !== void 0 && (format2 === "raw" || format2 === "qcow2")) this.formatNodes.set(field(args, "bs") ?? "", disk);
        break;
      }
      case "virtio_blk_handle_read":
      case "virtio_blk_handle_write": {
        const vdev = field(args, "vdev") ?? "";
        const op = event.endsWith("read") ? "read" : "write";
        const disk = this.diskOf(vdev);
        this.awaitingBlk = disk === void 0 ? vdev : void 0;
        const ordinal = disk !== void 0 ? this.count(disk, op) : 0;
        if (disk === void 0) this.unmatched++;
        this.pending.set(field(args, "req") ?? "", { vdev, op, sector: Number(field(args, "sector")), sectors: Number(field(args, "nsectors")), ordinal });
        break;
      }
      case "blk_co_preadv":
      case "blk_co_pwritev": {
        const disk = this.formatNodes.get(field(args, "bs") ?? "");
        if (this.awaitingBlk !== void 0 && disk !== void 0) {
          this.vdevDisk.set(this.awaitingBlk, disk);
          const req = [...this.pending.values()].find((p) => p.vdev === this.awaitingBlk);
          if (req) {
            this.unmatched--;
            req.ordinal = this.count(disk, req.op);
          }
        }
        this.awaitingBlk = void 0;
        break;
      }
      case "virtio_blk_rw_complete": {
        const req = this.pending.get(field(args, "req") ?? "");
        const ret = Number(field(args, "ret"));
        if (req && ret < 0) {
          const disk = this.diskOf(req.vdev);
          if (disk !== void 0) this.failures.push({ disk, op: req.op, at, ordinal: req.ordinal, sector: req.sector, sectors: req.sectors, errno: -ret });
        }
        break;
      }
      case "virtio_blk_req_complete": {
        const reqPtr = field(args, "req") ?? "";
        const vdev = field(args, "vdev") ?? "";
        if (this.pending.delete(reqPtr)) break;
        const disk = this.diskOf(vdev);
        if (disk === void 0) break;
        const ordinal = this.count(disk, "flush");
        if (Number(field(args, "status")) === 1)
          this.failures.push({ disk, op: "flush", at, ordinal, sector: void 0, sectors: void 0, errno: void 0 });
        break;
      }
      default:
        break;
    }
  }
  /** Requests of one kind on one disk so far. */
  total(disk, op) {
    return this.totals.get(`${disk}/${op}`) ?? 0;
  }
  /** Counts one request; returns its number among its disk's requests of that kind. */
  count(disk, op) {
    const key = `${disk}/${op}`;
    const n2 = (this.totals.get(key) ?? 0) + 1;
    this.totals.set(key, n2);
    return n2;
  }
  diskOf(vdev) {
    return this.vdevDisk.get(vdev) ?? this.onlyDisk;
  }
};

// src/run/host-faults.ts
var TICK_MS = 1e3;
var HostFaults = class {
  constructor(plan, opts) {
    this.plan = plan;
    this.opts = opts;
    this.states = plan.host.hostRules.map((rule) => ({ rule, phase: "waiting" }));
    this.running = !opts.startsPaused;
    this.trace = new BlockTraceReader(new Map([...opts.images].map(([disk, image]) => [image, disk])));
  }
  plan;
  opts;
  windowLog = [];
  fires = [];
  trace;
  states;
  timers = /* @__PURE__ */ new Set();
  qmp;
  /** One QMP conversation at a time: swaps and timed faults never interleave. */
  queue = Promise.resolve();
  running;
  /** Pauses held by vm.pause rules: `cont` waits until none is left. */
  pauseHolds = 0;
  generation = 0;
  blkdebugNodes = /* @__PURE__ */ new Map();
  traceTail;
  closed = false;
  atTestStart;
  /** QMP is up (QEMU may be paused with -S): rules from boot start their clocks at QEMU's start. */
  async start(qmp, elapsedMs) {
    this.qmp = qmp;
    await this.arm("boot", elapsedMs);
  }
  /** The test command is about to start (the guest waits for us when it must). */
  async testStarted() {
    this.pollTrace();
    this.atTestStart = new Map(this.plan.host.disks.map((d) => [d.id, this.diskTotals(d.id)]));
    await this.arm("test", 0);
  }
  /** Each disk's requests from the test's start to QEMU's end (after finish), when the test started. */
  testRequests() {
    const start = this.atTestStart;
    if (!start) return void 0;
    return this.plan.host.disks.map((d) => {
      const before = start.get(d.id);
      const now = this.diskTotals(d.id);
      return { disk: d.id, read: now.read - before.read, write: now.write - before.write, flush: now.flush - before.flush };
    });
  }
  diskTotals(disk) {
    return { disk, read: this.trace.total(disk, "read"), write: this.trace.total(disk, "write"), flush: this.trace.total(disk, "flush") };
  }
  /** A guest marker: open the rules waiting for it. */
  async marker(name) {
    const opening = this.states.filter((s) => s.phase === "awaiting-marker" && s.rule.window.on === name);
    await this.open(opening);
  }
  /** What the rules did, for the run's record (after finish). */
  record() {
    return {
      windows: this.windowLog,
      fires: this.fires,
      failures: this.trace.failures,
      unmatchedRequests: this.trace.unmatched,
      testRequests: this.testRequests()
    };
  }
  /** QEMU is gone: stop every timer, read the rest of the trace. */
  finish() {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.pollTrace();
    if (this.traceTail) closeSync4(this.traceTail.fd);
    this.traceTail = void 0;
  }
  async arm(base, elapsedMs) {
    const now = [];
    for (const state of this.states) {
      if (state.phase !== "waiting" || state.rule.window.from !== base) continue;
      const delay = state.rule.window.afterMs - elapsedMs;
      if (delay <= 0) {
        if (state.rule.window.on !== void 0) state.phase = "awaiting-marker";
        else now.push(state);
        continue;
      }
      state.phase = "delayed";
      this.after(delay, () => {
        if (state.rule.window.on !== void 0) state.phase = "awaiting-marker";
        else void this.open([state]);
      });
    }
    await this.open(now);
  }
  async open(states) {
    if (states.length === 0 || this.closed) return;
    for (const state of states) {
      state.phase = "open";
      this.opts.log.info(`host rule ${state.rule.id} opens: ${state.rule.text}`);
      const forMs = state.rule.window.forMs;
      if (forMs !== void 0) this.after(forMs, () => void this.close(state));
    }
    const blocks = states.filter((s) => s.rule.layer === "block");
    await this.swapDisks(blocks.map((s) => s.rule.disk));
    await Promise.all(states.filter((s) => s.rule.layer !== "block").map((s) => this.startTicking(s)));
  }
  async close(state) {
    if (state.phase !== "open" || this.closed) return;
    state.phase = "closed";
    this.opts.log.info(`host rule ${state.rule.id} closes: ${state.rule.text}`);
    if (state.rule.layer === "block") await this.swapDisks([state.rule.disk]);
  }
  swapDisks(diskIds) {
    const disks = this.plan.host.disks.filter((d) => diskIds.includes(d.id));
    if (disks.length === 0) return Promise.resolve();
    return this.serial(
      () => this.withVmStopped(async () => {
        for (const disk of disks) await this.swapDisk(disk);
      })
    );
  }
  async swapDisk(disk) {
    const qmp = this.requireQmp();
    this.pollTrace();
    const open2 = this.states.filter((s) => s.phase === "open" && s.rule.layer === "block" && s.rule.disk === disk.id);
    const rules = open2.map((s) => s.rule);
    const total = (op) => this.trace.total(disk.id, op);
    const seen = new Map(open2.map((s) => [s.rule.id, s.countedBefore === void 0 ? 0 : total(s.rule.op) - s.countedBefore]));
    const previous = this.blkdebugNodes.get(disk.id);
    const readOnly = disk.readOnly ? { "read-only": true } : {};
    let file = disk.fileNode;
    if (rules.length > 0) {
      const config = compileBlkdebug({ format: disk.format, rules, seed: this.plan.seed, seen });
      const node = `qfi-${disk.id}-bd${++this.generation}`;
      const dir = join35(this.opts.resultsDir, RESULTS_FILES.blkdebug);
      mkdirSync6(dir, { recursive: true });
      const configFile = join35(dir, `${node}.conf`);
      writeResultFile(configFile, config.text);
      await qmp.execute("blockdev-add", { driver: "blkdebug", "node-name": node, image: disk.fileNode, config: configFile, ...readOnly }, 3e4);
      file = node;
      this.opts.log.debug(`disk ${disk.id}: blkdebug node ${node} with ${config.states} state(s), ${config.rules} rule(s)`);
    }
    const at = Date.now();
    await qmp.execute("blockdev-reopen", { options: [{ driver: disk.format, "node-name": disk.formatNode, file, ...readOnly }] }, 3e4);
    if (previous !== void 0) await qmp.execute("blockdev-del", { "node-name": previous });
    if (rules.length > 0) this.blkdebugNodes.set(disk.id, file);
    else this.blkdebugNodes.delete(disk.id);
    for (const s of open2) s.countedBefore ??= total(s.rule.op);
    const before = { read: total("read"), write: total("write"), flush: total("flush") };
    this.windowLog.push({ at, disk: disk.id, open: rules.map((r) => r.id), before });
  }
  /** Timed faults: tick 0 when the window opens, then one tick per second until it closes. */
  startTicking(state) {
    const rule = state.rule;
    let tick = 0;
    const step = () => {
      if (state.phase !== "open" || this.closed) return Promise.resolve();
      const fired = firesAt(rule, tick, this.plan.seed) ? this.fire(rule, tick) : Promise.resolve();
      if (rule.action.kind !== "fail") {
        tick++;
        this.after(TICK_MS, () => void step());
      }
      return fired;
    };
    return step();
  }
  fire(rule, tick) {
    return this.serial(async () => {
      const qmp = this.requireQmp();
      const record2 = { rule: rule.id, text: rule.text, point: rule.point, at: Date.now(), tick, durationMs: void 0 };
      this.fires.push(record2);
      try {
        switch (rule.point) {
          case "vm.pause":
            record2.durationMs = rule.durationMs;
            this.pauseHolds++;
            if (this.running) {
              await qmp.execute("stop");
              this.running = false;
            }
            this.after(rule.durationMs, () => void this.serial(() => this.releasePause()));
            break;
          case "vm.nmi":
            await qmp.execute("inject-nmi");
            break;
          case "vm.reset":
            await qmp.execute("system_reset");
            this.opts.onReset();
            break;
          case "net.link":
            record2.durationMs = rule.durationMs;
            await qmp.execute("set_link", { name: this.plan.host.nicId, up: false });
            this.after(rule.durationMs, () => void this.serial(() => qmp.execute("set_link", { name: this.plan.host.nicId, up: true }).then(() => void 0)));
            break;
        }
        this.opts.log.info(`host fault ${rule.id} fired (${rule.text}${tick > 0 ? `, tick ${tick}` : ""})`);
      } catch (err) {
        record2.error = err.message;
        this.opts.log.warn(`host fault ${rule.id} (${rule.text}) failed: ${record2.error}`);
      }
    });
  }
  async releasePause() {
    this.pauseHolds--;
    if (this.pauseHolds === 0 && !this.running && !this.closed) {
      await this.requireQmp().execute("cont");
      this.running = true;
    }
  }
  /** Stops the VM around `fn` (no request in flight while a disk's graph changes) unless it is already stopped. */
  async withVmStopped(fn) {
    const qmp = this.requireQmp();
    const wasRunning = this.running;
    if (wasRunning) {
      await qmp.execute("stop");
      this.running = false;
    }
    try {
      await fn();
    } finally {
      if (wasRunning && this.pauseHolds === 0 && !this.closed) {
        await qmp.execute("cont");
        this.running = true;
      }
    }
  }
  /** The runner releases QEMU's -S pause once the boot rules are in place. */
  async resume() {
    await this.serial(async () => {
      if (this.running || this.pauseHolds > 0) return;
      await this.requireQmp().execute("cont");
      this.running = true;
    });
  }
  serial(fn) {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch((err) => this.opts.log.warn(`host faults: ${err.message}`));
    return next;
  }
  requireQmp() {
    if (!this.qmp) throw new Error("QMP is not connected, so host rules cannot be carried out");
    return this.qmp;
  }
  after(ms, fn) {
    if (this.closed) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }
  /** Reads what QEMU appended to the block trace since the last call. */
  pollTrace() {
    if (!this.opts.traceFile) return;
    try {
      this.traceTail ??= { fd: openSync4(this.opts.traceFile, "r"), offset: 0, partial: "", buf: Buffer.alloc(1 << 16) };
    } catch {
      return;
    }
    const tail = this.traceTail;
    const { buf } = tail;
    for (; ; ) {
      const n2 = readSync3(tail.fd, buf, 0, buf.length, tail.offset);
      if (n2 <= 0) break;
      tail.offset += n2;
      const text = tail.partial + buf.subarray(0, n2).toString("utf8");
      const lines = text.split("\n");
      tail.partial = lines.pop() ?? "";
      for (const line of lines) this.trace.addLine(line);
    }
  }
};
function firesAt(rule, tick, seed) {
  switch (rule.action.kind) {
    case "fail":
      return tick === 0;
    case "drop-every":
      return tick > 0 && tick % rule.action.n === 0;
    case "fail-after":
      return tick > rule.action.n;
    case "rate":
      return tick > 0 && rateFails(seed, rule.id, tick - 1, rule.action.perMille);
    case "off":
      return false;
  }
}

// src/run/plugin-control.ts
var PluginControl = class {
  constructor(path6) {
    this.path = path6;
  }
  path;
  channel;
  async request(message, timeoutMs = 5e3) {
    const channel = await this.connect();
    const text = JSON.stringify(message);
    const reply = channel.waitFor(() => true, {
      timeoutMs,
      keepPlace: true,
      timeoutError: () => new Error(`qfi-fault did not answer ${text} within ${timeoutMs} ms`)
    });
    channel.send(text);
    return reply;
  }
  close() {
    void this.channel?.then(
      (c3) => c3.close(),
      () => void 0
    );
    this.channel = void 0;
  }
  async connect() {
    const open2 = this.channel ? await this.channel.catch(() => void 0) : void 0;
    if (open2 && !open2.closed) return open2;
    this.channel = connectUnix(this.path).then(
      (socket) => new LineChannel(socket, {
        decode: (line) => {
          try {
            return JSON.parse(line);
          } catch {
            return { ok: false, error: `unreadable reply: ${line}` };
          }
        },
        closedError: (cause) => new Error(`qfi-fault's control connection ${cause ? `failed: ${cause.message}` : "closed"}`)
      })
    );
    return this.channel;
  }
};

// src/run/plugin-link.ts
var PluginLink = class {
  constructor(socket, rules, log) {
    this.log = log;
    this.control = new PluginControl(socket);
    this.waiting = new Map(rules.filter((r) => r.waitsFor).map((r) => [r.id, r]));
  }
  log;
  control;
  waiting;
  /** An event the run did not claim for a snapshot save. */
  onEvent(event) {
    if (event.kind === "agent-ready") this.reportMarker("ready");
    else if (event.kind === "test-start") this.reportMarker("start");
    else if (event.kind === "marker" && event.name) {
      if (event.value) this.addWaitingRules(event.name, event.value);
      this.reportMarker(event.name);
    }
  }
  /** Instructions the plugin counted on vCPU 0 (undefined when it does not answer). */
  async icount(timeoutMs) {
    const status = await this.control.request({ cmd: "status" }, timeoutMs).catch(() => void 0);
    const icount = status?.icount?.[0];
    return typeof icount === "number" ? icount : void 0;
  }
  close() {
    this.control.close();
  }
  /** Adds the rules that waited for this marker's address. */
  addWaitingRules(name, value) {
    for (const [id, rule] of this.waiting) {
      if (rule.waitsFor !== name) continue;
      this.waiting.delete(id);
      const line = resolveWaitingRule(rule, value);
      this.control.request({ cmd: "add", rule: line }).then(
        (reply) => reply.ok ? this.log.info(`plugin rule ${id} armed at ${value}: ${rule.rule}`) : this.log.warn(`the plugin refused rule ${id} (${line}): ${String(reply.error)}`),
        (err) => this.log.warn(`could not add plugin rule ${id}: ${err.message}`)
      );
    }
  }
  reportMarker(name) {
    this.control.request({ cmd: "marker", name }).then(
      (reply) => this.log.debug(`plugin marker ${name}: ${JSON.stringify(reply)}`),
      (err) => this.log.warn(`could not tell the plugin about marker ${name}: ${err.message}`)
    );
  }
};

// src/run/qmp-connect.ts
import { existsSync as existsSync25 } from "node:fs";
import { setTimeout as sleep4 } from "node:timers/promises";

// src/run/qmp-client.ts
var QmpError = class extends Error {
  constructor(command, errorClass, desc) {
    super(`QMP ${command} failed: ${errorClass}: ${desc}`);
    this.command = command;
    this.errorClass = errorClass;
    this.desc = desc;
  }
  command;
  errorClass;
  desc;
};
var QmpClient = class _QmpClient {
  nextId = 1;
  eventListeners = [];
  channel;
  constructor(socket, log, startedAt) {
    this.channel = new LineChannel(socket, {
      // Logged in the transcript; QEMU only sends JSON, so anything else is noise we cannot act on.
      decode: decodeJson,
      transcript: new Transcript(log, startedAt),
      onUnclaimed: (msg) => {
        if (msg.event !== void 0) for (const l of this.eventListeners) l({ event: msg.event, data: msg.data });
      },
      closedError: (cause) => cause ?? new Error("QMP connection closed")
    });
  }
  /** Connects, reads the greeting and negotiates capabilities. */
  static async connect(path6, opts = {}) {
    const client = new _QmpClient(await connectUnix(path6), opts.log, opts.startedAt ?? Date.now());
    const timeoutMs = opts.timeoutMs ?? 5e3;
    await client.channel.waitFor((m) => m.QMP !== void 0, { timeoutMs, timeoutError: () => new Error(`no QMP greeting within ${timeoutMs} ms`) }).catch((err) => {
      throw err === client.channel.closed ? new Error("QMP connection closed before the greeting") : err;
    });
    await client.execute("qmp_capabilities", void 0, timeoutMs);
    return client;
  }
  onEvent(listener) {
    this.eventListeners.push(listener);
  }
  async execute(command, args, timeoutMs = 5e3) {
    if (this.channel.closed) throw new Error(`QMP connection closed; cannot run ${command}`);
    const id = `qfi-${this.nextId++}`;
    const reply = this.channel.waitFor((m) => m.id === id, { timeoutMs, timeoutError: () => new Error(`QMP ${command} got no answer within ${timeoutMs} ms`) });
    this.channel.send(JSON.stringify(args === void 0 ? { execute: command, id } : { execute: command, arguments: args, id }));
    const msg = await reply.catch((err) => {
      throw err === this.channel.closed ? new Error(`QMP ${command}: ${err.message}`) : err;
    });
    if (msg.error) throw new QmpError(command, msg.error.class, msg.error.desc);
    return msg.return;
  }
  /** HMP command through QMP (`info registers`): one monitor, no deadlock-prone second channel. */
  async humanMonitor(commandLine, timeoutMs = 5e3) {
    return this.execute("human-monitor-command", { "command-line": commandLine }, timeoutMs);
  }
  close() {
    this.channel.close();
  }
};

// src/run/qmp-connect.ts
var QMP_CONNECT_MS = 1e4;
var RETRY_MS = 20;
async function connectQmp(path6, opts) {
  const deadline = Date.now() + QMP_CONNECT_MS;
  for (; ; ) {
    if (opts.qemuGone()) throw new Error("QEMU exited before its QMP socket was ready");
    if (existsSync25(path6)) {
      try {
        return await QmpClient.connect(path6, { log: opts.log, startedAt: opts.startedAt });
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
    if (Date.now() > deadline) throw new Error(`no QMP socket at ${path6} after ${QMP_CONNECT_MS / 1e3} s`);
    await sleep4(RETRY_MS);
  }
}
async function captureDiagnostics(qmp, timeoutMs) {
  const status = await qmp.execute("query-status", void 0, timeoutMs).catch((e) => ({ error: e.message }));
  const registers = await qmp.humanMonitor("info registers", timeoutMs).then((text) => text.replaceAll("\r\n", "\n").trim() + "\n").catch((e) => `unavailable: ${e.message}`);
  return { status, registers };
}

// src/run/run-qemu.ts
var STOP_STEP_MS = 3e3;
async function runQemu(plan, provisioned, opts) {
  if (opts.signal?.aborted) throw new InfraError(`the runner was interrupted (${String(opts.signal.reason ?? "abort")}) before QEMU started; nothing ran`);
  const setup = prepareRun(plan, provisioned, opts, opts.snapshot?.stateFile);
  return new QemuRun(plan, provisioned, setup, opts).run();
}
var QemuRun = class {
  constructor(plan, provisioned, setup, opts) {
    this.plan = plan;
    this.setup = setup;
    this.opts = opts;
    const { files, argv, paths } = setup;
    this.record = newRecord(this.startedAt, files, argv);
    const hasAgent = plan.agent !== "none";
    this.testStartedAt = hasAgent ? void 0 : 0;
    this.listener = new ConsoleListener(plan.markerToken, plan.verdictSources);
    this.hostFaults = plan.host.hostRules.length > 0 || plan.host.countRequests ? new HostFaults(plan, {
      log: opts.log,
      resultsDir: opts.resultsDir,
      images: new Map(provisioned.disks.map((d) => [d.id, d.image])),
      traceFile: paths.blockTrace,
      startsPaused: plan.host.startPaused,
      onReset: () => this.watchdog.feed({ kind: "reset" })
    }) : void 0;
    this.plugin = paths.qfiPlugin ? new PluginLink(paths.qfiPlugin.socket, plan.pluginRules, opts.log) : void 0;
    this.snapshot = opts.snapshot ? this.snapshotDriver(opts.snapshot) : void 0;
    this.qmpOut = new LogFile(files.qmpLog, { onFailure: (f) => this.fail(describeWriteFailure(f)) });
    opts.log.debug(`QEMU argv: ${JSON.stringify(argv)}`);
    const talksToGuest = plan.host.syncTestStart || plan.host.syncMarkers.length > 0 || opts.snapshot !== void 0;
    const onConsoleLine = (text) => this.onConsoleLine(text);
    this.qemu = new QemuProcess(argv, {
      consoleFile: files.console,
      stderrFile: files.qemuStderr,
      talksToGuest,
      log: opts.log,
      onConsoleLine,
      privateDir: opts.privateDir,
      // A full disk: what was written stays, and the run ends as an infra-error naming the file.
      onWriteFailure: (f) => this.fail(describeWriteFailure(f))
    });
    this.record.qemuPid = this.qemu.pid;
    const policy = {
      timeouts: plan.timeouts,
      hasAgent,
      trial: this.snapshot?.resumes === true,
      rebootOnReset: plan.host.rebootOnReset,
      markersEnd: !hasAgent && plan.verdictSources.exitDevice === "none"
    };
    this.watchdog = new Watchdog(
      new WatchdogState(policy),
      () => this.elapsed(),
      (action) => this.onWatchdog(action)
    );
    this.agent = this.agentDriver();
  }
  plan;
  setup;
  opts;
  startedAt = Date.now();
  record;
  qemu;
  listener;
  watchdog;
  agent;
  hostFaults;
  plugin;
  snapshot;
  qmpOut;
  qmp;
  /** test-start's time, for testMs (a guest without an agent: the run is its test). */
  testStartedAt;
  async run() {
    const { signal } = this.opts;
    const onAbort = () => {
      this.record.infraError ??= `the runner was interrupted (${String(signal?.reason ?? "abort")}); QEMU was stopped`;
      void this.stop();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
    void connectQmp(this.setup.paths.qmpSocket, { log: this.qmpOut, startedAt: this.startedAt, qemuGone: () => this.qemu.hasEnded }).then(
      (client) => this.onQmp(client),
      (err) => this.onQmpUnavailable(err)
    );
    const exit = await this.qemu.exited;
    signal?.removeEventListener("abort", onAbort);
    return this.finish(exit);
  }
  elapsed() {
    return Date.now() - this.startedAt;
  }
  stop() {
    this.agent.stop(new Error("the run is stopping"));
    return this.qemu.stop(this.qmp ? (ms) => this.qmp.execute("quit", void 0, ms) : void 0);
  }
  /** Work the run depends on failed: it cannot mean what it claims, so it is an infrastructure error. */
  fail(message) {
    this.record.infraError ??= message;
    this.opts.log.warn(this.record.infraError);
    void this.stop();
  }
  failing(what) {
    return (err) => this.fail(`${what}: ${err.message}`);
  }
  onConsoleLine(text) {
    for (const event of this.listener.hear(text, this.elapsed())) this.onEvent(event);
    this.opts.onConsoleLine?.(text);
  }
  onEvent(event) {
    this.record.events.push(event);
    const ended = this.qemu.hasEnded;
    if (!ended && this.snapshot?.claims(event)) return;
    this.noteTimes(event);
    if (ended) return;
    this.watchdog.feed({ kind: "event", event });
    this.plugin?.onEvent(event);
    const { hostFaults, agent } = this;
    if (event.kind === "marker" && event.name && hostFaults) {
      const name = event.name;
      void hostFaults.marker(name).then(() => agent.release({ kind: "marker", name }), this.failing(`host rules on marker ${name}`));
    } else if (event.kind === "test-start") {
      this.snapshot?.testStarted();
      if (hostFaults) void hostFaults.testStarted().then(() => agent.release({ kind: "start" }), this.failing("host rules at test start"));
    } else if (event.kind === "test-exit" && this.snapshot?.resumes) void this.snapshot.testEnded();
  }
  /** bootMs, testMs and the command's exit code, as the agent reports them. */
  noteTimes(event) {
    const { record: record2 } = this;
    if (event.kind === "agent-ready") record2.bootMs ??= event.atMs;
    else if (event.kind === "test-start") this.testStartedAt = event.atMs;
    else if (event.kind === "test-exit") {
      record2.commandExitCode = event.exitCode;
      if (this.testStartedAt !== void 0) record2.testMs = event.atMs - this.testStartedAt;
    }
  }
  onWatchdog(action) {
    if (action.kind === "stop") {
      if (action.why === "power-off")
        this.opts.log.warn(`the guest did not power off within ${POWER_OFF_GRACE_MS / 1e3} s of its command ending; stopping QEMU`);
      void this.stop();
      return;
    }
    if (this.qemu.isStopping || this.qemu.hasEnded || this.record.timedOut) return;
    this.record.timedOut = action.which;
    this.opts.log.warn(`${action.which} timeout reached after ${(this.elapsed() / 1e3).toFixed(1)} s; capturing QEMU state, then stopping it`);
    void this.captureDiagnostics().catch((err) => {
      this.record.infraError ??= err.message;
    }).then(() => this.stop());
  }
  async captureDiagnostics() {
    if (!this.qmp) return;
    const diagnostics = await captureDiagnostics(this.qmp, STOP_STEP_MS);
    this.record.diagnostics = diagnostics;
    writeResultFile(join36(this.opts.resultsDir, RESULTS_FILES.registers), diagnostics.registers);
  }
  onQmp(client) {
    this.qmp = client;
    if (this.qemu.hasEnded) client.close();
    else if (this.snapshot?.resumes) void this.snapshot.connected(client).catch(this.failing("loading the saved state"));
    else if (this.hostFaults) {
      const hostFaults = this.hostFaults;
      void hostFaults.start(client, this.elapsed()).then(() => hostFaults.resume()).catch(this.failing("host rules at boot"));
    }
  }
  onQmpUnavailable(err) {
    if (this.qemu.hasEnded) return;
    if (this.hostFaults) this.failing("QMP is needed for host rules")(err);
    else if (this.snapshot) this.failing("QMP is needed to save or load the state")(err);
    else this.opts.log.warn(`QMP unavailable (${err.message}); timeouts will stop QEMU with signals`);
  }
  agentDriver() {
    const tellGuest = (line) => this.qemu.tellGuest(line);
    const socket = this.setup.paths.guestAgentSocket;
    if (!socket) return new ConsoleAgent(this.plan.host, tellGuest);
    return new QemuGuestAgentDriver({
      socket,
      plan: this.plan,
      resultsDir: this.opts.resultsDir,
      log: this.opts.log,
      startedAt: this.startedAt,
      tellGuest,
      onEvent: (event) => this.onEvent(event),
      onPowerOffRefused: () => void this.stop(),
      onFailure: (err) => {
        if (!this.qemu.hasEnded && !this.qemu.isStopping) this.fail(`qemu-guest-agent: ${err.message}`);
      }
    });
  }
  snapshotDriver(run) {
    return new SnapshotDriver(run, {
      log: this.opts.log,
      elapsed: () => this.elapsed(),
      qmp: () => this.qmp,
      tellGuest: (line) => this.qemu.tellGuest(line),
      icount: async () => this.plugin?.icount(STOP_STEP_MS),
      onResumed: () => {
        this.testStartedAt = this.elapsed();
        this.record.events.push({
          kind: "test-start",
          line: 0,
          atMs: this.testStartedAt,
          text: `(resumed from the saved state at ${printSnapshotPoint(run.at)})`
        });
        this.watchdog.feed({ kind: "resumed" });
      },
      stop: () => this.stop(),
      fail: (what) => this.failing(what)
    });
  }
  async finish(exit) {
    const { record: record2, plan } = this;
    this.agent.stop(new Error("QEMU exited"));
    this.watchdog.close();
    this.snapshot?.close();
    if (this.hostFaults) {
      this.hostFaults.finish();
      record2.hostFaults = this.hostFaults.record();
    }
    this.qmp?.close();
    this.plugin?.close();
    await this.qmpOut.end();
    record2.wallMs = this.elapsed();
    record2.consoleLines = this.listener.lines;
    record2.qemuExit = { code: exit.code, signal: exit.signal };
    if (this.snapshot?.times) record2.snapshot = this.snapshot.times;
    if (this.snapshot?.testEndIcount !== void 0) record2.testEndIcount = this.snapshot.testEndIcount;
    const crashed = record2.events.some((e) => e.kind === "panic" || e.kind === "oops" || e.kind === "bug");
    const verdict = classifyExit({
      exit,
      stopped: this.qemu.isStopping,
      exitDevice: plan.verdictSources.exitDevice,
      stderrTail: this.qemu.stderrTail,
      binaryName: basename6(this.setup.argv[0]),
      crashed,
      commandExitCode: record2.commandExitCode,
      wallMs: record2.wallMs
    });
    if (verdict.guestExit) record2.guestExit = verdict.guestExit;
    record2.infraError ??= verdict.infraError;
    return record2;
  }
};
function newRecord(startedAt, files, argv) {
  return {
    startedAt: new Date(startedAt).toISOString(),
    wallMs: 0,
    bootMs: void 0,
    testMs: void 0,
    commandExitCode: void 0,
    qemuExit: { code: void 0, signal: void 0 },
    timedOut: void 0,
    diagnostics: void 0,
    infraError: void 0,
    events: [],
    consoleLines: 0,
    files,
    qemuArgv: argv,
    qemuPid: void 0,
    hostFaults: void 0
  };
}

// src/report/results-folder.ts
import { closeSync as closeSync5, existsSync as existsSync26, openSync as openSync5, readdirSync as readdirSync6, readFileSync as readFileSync20, renameSync as renameSync5, rmSync as rmSync4, statSync as statSync13, unlinkSync, writeFileSync as writeFileSync7, writeSync } from "node:fs";
import { join as join37 } from "node:path";
var LOCK_FILE = ".qfi-lock";
var MANIFEST_FILE = ".qfi-files";
function claimResultsFolder(dir, names, opts) {
  const location = opts.location ?? { input: "results-dir" };
  makeFolder(dir, location);
  const lock = join37(dir, LOCK_FILE);
  takeLock(lock, dir, opts.mode, location);
  try {
    const earlier = readManifest(dir);
    const foreign = names.filter((name) => !earlier.has(name) && existsSync26(join37(dir, name)));
    if (foreign.length) {
      throw new ConfigError(
        `results-dir ${dir} already holds ${listNames(foreign)}, which no earlier qfi run wrote there (${MANIFEST_FILE} does not list ${foreign.length === 1 ? "it" : "them"}): qfi will not overwrite ${foreign.length === 1 ? "it" : "them"}`,
        { location, hint: "give the run a folder of its own (a new or empty results-dir), or move those files away" }
      );
    }
    for (const name of earlier) if (!name.includes("/") && name !== ".." && name !== ".") removeQuietly(join37(dir, name));
    writeManifest(dir, new Set(names), location);
    return {
      dir,
      release: () => releaseLock(lock)
    };
  } catch (err) {
    releaseLock(lock);
    throw err;
  }
}
function makeFolder(dir, location) {
  try {
    makeDirs(dir);
  } catch (err) {
    throw folderError(err, dir, location, "cannot be created");
  }
  if (!statSync13(dir).isDirectory()) {
    throw new ConfigError(`results-dir ${dir} is not a folder`, { location, hint: "name a folder (it is created when missing)" });
  }
}
function takeLock(lock, dir, mode, location) {
  const me = selfIdentity();
  const record2 = { pid: me.pid, start: me.start, mode, since: (/* @__PURE__ */ new Date()).toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd;
    try {
      fd = openSync5(lock, "wx", 420);
    } catch (err) {
      if (err.code !== "EEXIST") throw folderError(err, dir, location, "is not writable");
      const owner = readLock(lock);
      if (owner && isRunning(owner)) {
        throw new ConfigError(`results-dir ${dir} is in use by another qfi ${owner.mode} (pid ${owner.pid}, since ${owner.since})`, {
          location,
          hint: `give each run its own results-dir (runs at the same time would mix their results); if no qfi runs there, remove ${lock}`
        });
      }
      try {
        renameSync5(lock, privateTempPath(lock));
      } catch {
      }
      for (const stale of staleLockCopies(dir)) removeQuietly(stale);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(record2)}
`);
    } catch (err) {
      closeSync5(fd);
      releaseLock(lock);
      throw folderError(err, dir, location, "is not writable");
    }
    closeSync5(fd);
    return;
  }
  throw new InfraError(`could not lock results-dir ${dir}: its lock ${lock} kept changing hands`, { hint: "another qfi is starting there; try again" });
}
function readLock(lock) {
  try {
    const r = JSON.parse(readFileSync20(lock, "utf8"));
    if (typeof r.pid !== "number") return void 0;
    return { pid: r.pid, start: typeof r.start === "string" ? r.start : "", mode: r.mode ?? "run", since: r.since ?? "an unknown time" };
  } catch {
    return void 0;
  }
}
function staleLockCopies(dir) {
  try {
    return readdirSync6(dir).filter((n2) => n2.startsWith(`${LOCK_FILE}.`) && n2.endsWith(".tmp")).map((n2) => join37(dir, n2));
  } catch {
    return [];
  }
}
function releaseLock(lock) {
  try {
    const owner = readLock(lock);
    const me = selfIdentity();
    if (!owner || owner.pid === me.pid && owner.start === me.start) unlinkSync(lock);
  } catch {
  }
}
function readManifest(dir) {
  try {
    const names = JSON.parse(readFileSync20(join37(dir, MANIFEST_FILE), "utf8")).files;
    return new Set(Array.isArray(names) ? names.filter((n2) => typeof n2 === "string") : []);
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function writeManifest(dir, names, location) {
  const file = join37(dir, MANIFEST_FILE);
  const tmp = privateTempPath(file);
  try {
    writeFileSync7(tmp, `${JSON.stringify({ writtenBy: "qfi", files: [...names].sort() }, null, 2)}
`);
    renameSync5(tmp, file);
  } catch (err) {
    rmSync4(tmp, { force: true });
    throw folderError(err, dir, location, "is not writable");
  }
}
function folderError(err, dir, location, what) {
  const reason = describeFsError(err);
  if (isStorageFailure(err)) {
    return new InfraError(`results-dir ${dir} ${what}: ${reason}`, {
      hint: "free space on that file system, or give a results-dir on another one",
      cause: err
    });
  }
  return new ConfigError(`results-dir ${dir} ${what}: ${reason}`, {
    location,
    hint: "give a results-dir in a place you can write (it is created when missing), like ./qfi-results",
    cause: err
  });
}
function removeQuietly(path6) {
  try {
    rmSync4(path6, { recursive: true, force: true, maxRetries: 3 });
  } catch {
  }
}
function listNames(names) {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

// src/modes/run-pipeline.ts
async function runPipeline(options, host) {
  const config = await resolveInputs(options, host.log);
  const plan = makePlan(config, void 0, { countBlockRequests: options.countBlockRequests === true });
  host.log.info(`scenario ${plan.scenario}: ${plan.canonicalRules.length} rule(s) [${plan.canonicalRules.join(" ")}], seed ${plan.seed}`);
  const folder = claimResultsFolder(config.report.dir, runResultNames(), { mode: "run", location: sourceOf(config, "results-dir") });
  const privateDir = makePrivateDir();
  try {
    writeReproducer(plan, config.report.dir);
    writeReproduceRecord(config, { inputs: options.inputs, cwd: options.cwd, configBaseDir: options.configBaseDir }, config.report.dir);
    const provisioned = await host.log.group("Provision", () => provision(plan, host, privateDir, options.signal));
    if (provisioned.guest) writeReproducer(plan, config.report.dir, provisioned.guest);
    const record2 = await host.log.group(
      `Run ${plan.scenario} (${provisioned.accel})`,
      () => runQemu(plan, provisioned, {
        resultsDir: config.report.dir,
        privateDir,
        log: host.log,
        ...options.signal ? { signal: options.signal } : {},
        ...options.echoConsole ? { onConsoleLine: (line) => host.log.info(`\u2502 ${line}`) } : {}
      })
    );
    const run = observeRun({ plan, provisioned, record: record2, summary: await summarizeConsole(record2) }, host.log);
    const reports = reportOrExplain(run, () => writeReports(run, config.report.dir, { part: options.partOfCampaign === true }));
    return { config, run, reports };
  } finally {
    rmSync5(privateDir, { recursive: true, force: true });
    folder.release();
  }
}
function reportOrExplain(run, write) {
  try {
    return write();
  } catch (err) {
    if (!(err instanceof InfraError)) throw err;
    throw new InfraError(`${run.verdict}: ${run.reason}; ${err.message}, so no reports were written`, {
      ...err.hint !== void 0 ? { hint: err.hint } : {},
      cause: err
    });
  }
}

// src/rules/guest-decide.ts
function nthCallRule(point, params, k) {
  return { point, params: { ...params, once: "true" }, action: { kind: "fail-after", n: k - 1 } };
}

// src/campaign/scenario-ids.ts
import { createHash as createHash7 } from "node:crypto";
var MAX_ID = 64;
function idLabel(text) {
  return text.replace(/\[/g, ".").replace(/[^A-Za-z0-9._-]+/g, "-").replace(/-{2,}/g, "-").replace(/\.{2,}/g, ".").replace(/^[-.]+|[-.]+$/g, "");
}
function fit(label) {
  if (label.length <= MAX_ID) return label;
  const hash = createHash7("sha256").update(label).digest("hex").slice(0, 8);
  return `${label.slice(0, MAX_ID - 9).replace(/[-.]+$/, "")}-${hash}`;
}
function uniqueIds(labels) {
  const used = /* @__PURE__ */ new Set();
  return labels.map((label) => {
    const base = fit(idLabel(label) || "scenario");
    let id = base;
    for (let n2 = 2; used.has(id); n2++) id = fit(`${base}-${n2}`);
    used.add(id);
    return id;
  });
}
function trialLabel(trial, of) {
  return `t${String(trial).padStart(String(of).length, "0")}`;
}

// src/campaign/plan-scenarios.ts
function planScenarios(settings, points, seed) {
  const notes = [];
  const drafts = [];
  const actionsOf = (point) => settings.points.find((p) => p.point === point)?.actions ?? settings.actions;
  for (const p of points) {
    if (settings.kind === "fail-nth") {
      if (p.calls === void 0) {
        notes.push(`${p.point}: the golden run did not report how often it was called, so there is nothing to sweep`);
        continue;
      }
      if (p.calls === 0) {
        notes.push(`${p.point}: never called in the golden run, so there is nothing to sweep`);
        continue;
      }
      const last = Math.min(p.calls, settings.failNthMax);
      if (last < p.calls) notes.push(`${p.point}: called ${p.calls} times in the golden run; calls 1..${last} swept (fail-nth-max)`);
      const parsed = parseRule(`${p.point}=fail`);
      for (let k = 1; k <= last; k++) {
        const rule = printRule(nthCallRule(parsed.point, parsed.params, k));
        drafts.push({ label: `${p.point}-nth-${k}`, point: p.point, action: `nth:${k}`, rules: [rule], seed, nth: k });
      }
      continue;
    }
    for (const action of actionsOf(p.point)) {
      const rule = printRule(parseRule(`${p.point}=${action}`));
      for (let t = 1; t <= settings.repeat; t++) {
        const repeated = settings.repeat > 1;
        drafts.push({
          label: `${p.point}-${action}${repeated ? `-${trialLabel(t, settings.repeat)}` : ""}`,
          point: p.point,
          action,
          rules: [rule],
          seed: seed + t - 1 >>> 0,
          ...repeated ? { trial: t } : {}
        });
      }
    }
  }
  const ids = uniqueIds(drafts.map((d) => d.label));
  return { scenarios: drafts.map(({ label: _label, ...d }, i2) => ({ id: ids[i2], ...d })), notes };
}
function shardScenarios(scenarios, shard) {
  if (!shard) return [...scenarios];
  return scenarios.filter((_, i2) => i2 % shard.count === shard.index - 1);
}
function toMatrix(scenarios, maxJobs) {
  const jobs = Math.max(1, Math.min(scenarios.length, maxJobs));
  const include = [];
  for (let i2 = 1; i2 <= jobs; i2++) {
    const mine = shardScenarios(scenarios, { index: i2, count: jobs });
    include.push({ id: mine.length === 1 ? mine[0].id : `shard-${i2}-of-${jobs}`, shard: `${i2}/${jobs}` });
  }
  return { include };
}

// src/campaign/scenario-inputs.ts
var CAMPAIGN_INPUTS = INPUTS.filter((spec2) => "scope" in spec2 && spec2.scope === "campaign").map((spec2) => spec2.name);
function scenarioInputs(base, over) {
  const inputs = { ...base };
  for (const name of CAMPAIGN_INPUTS) delete inputs[name];
  const baseFaults = base.faults === void 0 ? [] : typeof base.faults === "string" ? base.faults.split("\n") : base.faults;
  inputs.faults = [...baseFaults, ...over.rules];
  inputs.name = over.name;
  inputs["results-dir"] = over.resultsDir;
  inputs.seed = String(over.seed);
  if (over.faultsEnabled === false) inputs["faults-enabled"] = "false";
  return inputs;
}

// src/campaign/verdict.ts
var list = (ids) => ids.length <= 5 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`;
function campaignVerdict(kind, results, stats, withHistory) {
  const trials = results.filter((r) => r.recheckOf === void 0);
  if (trials.length === 0) return { verdict: "pass", reason: "no scenarios to run" };
  const broken = trials.filter((r) => r.verdict === "infra-error");
  if (broken.length)
    return { verdict: "infra-error", reason: `${broken.length} of ${trials.length} scenarios could not run: ${list(broken.map((r) => r.id))}` };
  if (kind === "snapshot" && !withHistory) {
    const counts = TRIAL_CLASSES.map((c3) => [c3, trials.filter((r) => r.class === c3).length]).filter(([, n2]) => n2 > 0);
    return { verdict: "pass", reason: `all ${trials.length} trials classified: ${counts.map(([c3, n2]) => `${n2} ${c3}`).join(", ")}` };
  }
  if ((kind === "chaos" || kind === "snapshot") && withHistory) {
    const worse = stats.filter(isRegression);
    if (worse.length)
      return { verdict: "fail", reason: `${worse.length} point(s) got worse or newly fail: ${list(worse.map((s) => `${s.point} ${s.action} (${s.trend})`))}` };
    return {
      verdict: "pass",
      reason: `no point got worse than in the previous campaign (${trials.filter((r) => r.verdict !== "pass").length} of ${trials.length} trials failed)`
    };
  }
  const failing = trials.filter((r) => r.verdict !== "pass");
  if (failing.length) return { verdict: "fail", reason: `${failing.length} of ${trials.length} scenarios failed: ${list(failing.map((r) => r.id))}` };
  return { verdict: "pass", reason: `all ${trials.length} scenarios passed` };
}

// src/campaign/snapshot/run-snapshot.ts
import { mkdirSync as mkdirSync7, readFileSync as readFileSync21, rmSync as rmSync6 } from "node:fs";
import { join as join38 } from "node:path";

// src/campaign/snapshot/regions.ts
var REGISTERS = {
  x86_64: ["rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip", "eflags"]
};
var hex = (n2) => `0x${n2.toString(16)}`;
function resolveRegions(specs, opts) {
  const reported = new Map(opts.reported.filter((e) => e.kind === "region" && e.name && e.value).map((e) => [e.name, e.value]));
  return specs.map((spec2) => {
    if (spec2.ranges !== void 0) return { name: spec2.name, kind: "ram", ranges: spec2.ranges };
    if (spec2.name === "registers") {
      const registers = REGISTERS[opts.arch];
      if (!registers) throw new Error(`register flips are only known for x86_64, not ${opts.arch}`);
      return { name: spec2.name, kind: "registers", registers };
    }
    if (spec2.name === "ram") return { name: spec2.name, kind: "ram", ranges: opts.ram.map(([a2, b]) => `${hex(a2)}-${hex(b)}`).join(";") };
    const ranges = reported.get(spec2.name);
    if (ranges === void 0) {
      const seen = [...reported.keys()];
      throw new Error(
        `the guest did not report region ${spec2.name} (${seen.length ? `it reported ${seen.join(", ")}` : "it reported none"}); kernel regions come from the built-in agent (QFI-REGION lines from /proc/iomem): with another guest, give the ranges as \`name=0xSTART-0xEND\``
      );
    }
    return { name: spec2.name, kind: "ram", ranges };
  });
}

// src/campaign/snapshot/trials.ts
function planSnapshotTrials(settings, seed) {
  const regions = settings.regions;
  return Array.from({ length: settings.repeat }, (_, k) => {
    const trial = k + 1;
    const region = regions[k % regions.length].name;
    return { id: `flip-${idLabel(region)}-${trialLabel(trial, settings.repeat)}`, point: region, action: "flip", rules: [], seed: seed + k >>> 0, trial };
  });
}
var MASK64 = (1n << 64n) - 1n;
function* splitmix64(seed) {
  let state = BigInt(seed) & MASK64;
  for (; ; ) {
    state = state + 0x9e3779b97f4a7c15n & MASK64;
    let z = state;
    z = (z ^ z >> 30n) * 0xbf58476d1ce4e5b9n & MASK64;
    z = (z ^ z >> 27n) * 0x94d049bb133111ebn & MASK64;
    yield z ^ z >> 31n;
  }
}
var below = (n2, bound) => n2 % bound;
function trialRule(trialSeed, region, goldenInstructions) {
  const random = splitmix64(trialSeed);
  const at = 1n + below(random.next().value, BigInt(Math.max(1, goldenInstructions)));
  if (region.kind === "ram") return `mem.flip[ranges=${region.ranges} at=insn:${at}]=fail`;
  const reg = region.registers[Number(below(random.next().value, BigInt(region.registers.length)))];
  const bit = below(random.next().value, reg === "eflags" ? 32n : 64n);
  return `reg.flip[reg=${reg} mask=0x${(1n << bit).toString(16)} at=insn:${at}]=fail`;
}

// src/campaign/snapshot/run-snapshot.ts
var GOLDEN_RUNS = 2;
var MIN_TRIAL_TIMEOUT_MS = 3e3;
var TRIAL_TIMEOUT_FACTOR = 5;
async function overlayDisks(plan, provisioned, dir, signal) {
  const disks = [...provisioned.disks];
  const planned = [...plan.host.disks];
  const devices = [];
  for (const [i2, disk] of plan.host.disks.entries()) {
    if (disk.readOnly) continue;
    const overlay = join38(dir, `snapshot-${disk.id}.qcow2`);
    await createQcow2(
      provisioned.qemuBinary,
      ["-b", disks[i2].image, "-F", disk.format, overlay],
      `a qcow2 overlay for disk ${disk.id} (snapshot trials restore disks through it)`,
      signal
    );
    disks[i2] = { ...disks[i2], image: overlay };
    planned[i2] = { ...disk, format: "qcow2" };
    devices.push(disk.formatNode);
  }
  return { provisioned: { ...provisioned, disks }, plan: { ...plan, host: { ...plan.host, disks: planned } }, devices };
}
function trialPlan(base, id, seed, rule, ram, testMs) {
  const parsed = rule === void 0 ? [] : [parseRule(rule)];
  return {
    ...base,
    scenario: id,
    seed,
    pluginRules: compilePluginRules(parsed, ram),
    canonicalRules: [...base.canonicalRules, ...parsed.map(printRule)],
    host: { ...base.host, startPaused: true },
    timeouts: { ...base.timeouts, testMs, overallMs: testMs + 3e4 }
  };
}
async function runSnapshotCampaign(config, scenarios, host, signal) {
  const privateDir = makePrivateDir();
  try {
    const bench = await prepareBench(config, host, privateDir, signal);
    const point = config.campaign.snapshotAt;
    const boot = await bootAndSave(config, bench, point, host);
    if ("stopped" in boot) return { results: [], probe: boot.stopped, facts: void 0 };
    const golden = await goldenRuns(config, bench, host);
    if ("stopped" in golden) return { results: [], probe: golden.stopped, facts: void 0 };
    const regions = resolveRegions(config.campaign.regions, { arch: config.machine.arch, ram: bench.ram, reported: boot.events });
    const started = Date.now();
    const results = await runTrials(config, scenarios, regions, { ...bench, ...golden, dir: config.report.dir, host }, signal);
    const facts = {
      bootMs: boot.saved.savedAtMs ?? 0,
      saveMs: boot.saved.saveMs,
      at: printSnapshotPoint(config.campaign.snapshotAt),
      golden: { instructions: golden.instructions, testMs: golden.testMs, outputLines: golden.golden === "" ? 0 : golden.golden.split("\n").length },
      trialTimeoutMs: golden.trialTimeoutMs,
      regions: regions.map((r) => r.kind === "ram" ? { name: r.name, ranges: r.ranges } : { name: r.name, registers: r.registers }),
      trialsPerMinute: trialsPerMinute(results.length, Date.now() - started)
    };
    return {
      results,
      probe: {
        verdict: "pass",
        reason: `state saved at ${describeSnapshotPoint(point)}; ${GOLDEN_RUNS} golden runs agree (${golden.instructions} instructions)`,
        dir: "golden"
      },
      facts
    };
  } finally {
    rmSync6(privateDir, { recursive: true, force: true });
  }
}
function trialsPerMinute(trials, wallMs) {
  return trials && wallMs > 0 ? trials * 6e4 / wallMs : 0;
}
async function prepareBench(config, host, privateDir, signal) {
  const at = config.campaign.snapshotAt;
  const planned = makePlan(config, void 0, { snapshot: { at } });
  const provisionedFirst = await host.log.group("Provision", () => provision(planned, host, privateDir, signal));
  const { plan, provisioned, devices } = await overlayDisks(planned, provisionedFirst, privateDir, signal);
  const stateFile = join38(privateDir, "state.qcow2");
  await createQcow2(provisioned.qemuBinary, [stateFile, "1M"], "the snapshot state file", signal);
  const runIn = async (runPlan, dir, kind) => {
    mkdirSync7(dir, { recursive: true });
    const snapshot = { kind, stateFile, devices, at };
    const record2 = await runQemu(runPlan, provisioned, { resultsDir: dir, privateDir, log: host.log, snapshot, ...signal ? { signal } : {} });
    const run = observeRun({ plan: runPlan, provisioned, record: record2, summary: await summarizeConsole(record2) }, host.log);
    return { run, output: testOutput(readFileSync21(record2.files.console, "utf8")) };
  };
  return { plan, ram: q35RamRanges(memoryBytes(config.machine.memory)), runIn };
}
async function bootAndSave(config, bench, point, host) {
  const boot = await host.log.group(
    `Boot to ${describeSnapshotPoint(point)} and save the state`,
    () => bench.runIn(bench.plan, join38(config.report.dir, "boot"), "save")
  );
  const saved = boot.run.record.snapshot;
  if (saved?.saveMs === void 0) {
    const hint = point.kind === "marker" ? ` (does the test call \`qfi-marker ${point.name}\`?)` : point.kind === "time" ? " (the test ended before: choose an earlier time)" : "";
    const reason = boot.run.record.infraError ?? `the guest never reached ${describeSnapshotPoint(point)}${hint}: ${boot.run.verdict} \u2014 ${boot.run.reason}`;
    return { stopped: { verdict: boot.run.verdict === "pass" ? "fail" : boot.run.verdict, reason: `no state saved: ${reason}`, dir: "boot" } };
  }
  host.log.info(`state saved after ${((saved.savedAtMs ?? 0) / 1e3).toFixed(2)} s of boot, in ${saved.saveMs} ms`);
  return { saved: { ...saved, saveMs: saved.saveMs }, events: boot.run.record.events };
}
async function goldenRuns(config, bench, host) {
  const golden = [];
  for (let i2 = 1; i2 <= GOLDEN_RUNS; i2++) {
    const dir = join38(config.report.dir, "golden", String(i2));
    const g = await bench.runIn(
      trialPlan(bench.plan, `${config.name}-golden-${i2}`, config.faults.seed, void 0, bench.ram, config.test.testTimeoutMs),
      dir,
      "resume"
    );
    golden.push(g);
    writeReports(g.run, dir, { part: true });
    if (g.run.verdict !== "pass" || g.run.record.testEndIcount === void 0) {
      const why = g.run.verdict !== "pass" ? `${g.run.verdict} \u2014 ${g.run.reason}` : "qfi's plugin did not report an instruction count";
      return {
        stopped: {
          verdict: g.run.verdict === "pass" ? "infra-error" : g.run.verdict,
          reason: `golden run ${i2} (no flip) did not pass: ${why}`,
          dir: `golden/${i2}`
        }
      };
    }
  }
  const [g1, g2] = golden;
  if (g1.output !== g2.output) {
    return {
      stopped: {
        verdict: "fail",
        reason: "the two golden runs (no flip) printed different output, so silent data corruption cannot be told from noise: make the test print only what it computes (no times, PIDs or random data), or use `icount: true`",
        dir: "golden"
      }
    };
  }
  const instructions = Math.min(g1.run.record.testEndIcount, g2.run.record.testEndIcount);
  const testMs = Math.max(g1.run.record.testMs ?? 0, g2.run.record.testMs ?? 0);
  const trialTimeoutMs = config.campaign.trialTimeoutMs ?? Math.max(MIN_TRIAL_TIMEOUT_MS, TRIAL_TIMEOUT_FACTOR * testMs);
  host.log.info(
    `golden runs: ${g1.run.record.testEndIcount} and ${g2.run.record.testEndIcount} instructions, ${testMs} ms, ${g1.output.split("\n").length} output line(s); trial timeout ${(trialTimeoutMs / 1e3).toFixed(1)} s`
  );
  return { golden: g1.output, instructions, testMs, trialTimeoutMs };
}
async function runTrials(config, scenarios, regions, ctx, signal) {
  const byName2 = new Map(regions.map((r) => [r.name, r]));
  const results = [];
  for (const [i2, scenario] of scenarios.entries()) {
    if (signal?.aborted) break;
    const region = byName2.get(scenario.point);
    if (!region)
      throw new ConfigError(`the plan's trial ${scenario.id} flips in region ${scenario.point}, which this campaign's regions do not have`, {
        location: sourceOf(config, "regions"),
        hint: "run the plan with the regions it was made with"
      });
    results.push(await runTrial(scenario, region, { ...ctx, label: `[${i2 + 1}/${scenarios.length}]` }));
  }
  return results;
}
async function runTrial(scenario, region, ctx) {
  const rule = trialRule(scenario.seed, region, ctx.instructions);
  const dir = join38("scenarios", scenario.id);
  const { run, output } = await ctx.runIn(trialPlan(ctx.plan, scenario.id, scenario.seed, rule, ctx.ram, ctx.trialTimeoutMs), join38(ctx.dir, dir), "resume");
  const outcome = classifyTrial({ verdict: run.verdict, reason: run.reason, events: run.record.events, output }, ctx.golden);
  const reported = outcome ? { ...run, verdict: outcome.verdict, reason: `${outcome.class}: ${outcome.reason}` } : run;
  writeReports(reported, join38(ctx.dir, dir), { part: true });
  const injection = run.injections?.first[0];
  const result = {
    ...scenario,
    rules: [rule],
    verdict: reported.verdict,
    reason: reported.reason,
    wallMs: run.record.wallMs,
    dir,
    reproducer: "",
    injections: run.injections?.total,
    ...outcome ? { class: outcome.class } : {},
    ...injection && "icount" in injection ? { injection: describeInjection(injection) } : {}
  };
  const line = `${ctx.label} ${scenario.id}: ${outcome ? `${outcome.class} \u2014 ${outcome.reason}` : `not classified \u2014 ${run.reason}`} (${(run.record.wallMs / 1e3).toFixed(2)} s${result.injection ? `; ${result.injection}` : ", nothing flipped"})`;
  if (outcome) ctx.host.log.info(line);
  else ctx.host.log.warn(line);
  return result;
}
function describeInjection(i2) {
  const where = i2.kind === "reg" ? `register ${i2.reg}` : `RAM ${i2.addr}`;
  const change = i2.error ? `failed: ${i2.error}` : `${i2.before} -> ${i2.after}`;
  return `${where} ${change} at instruction ${i2.icount} (pc ${i2.pc})`;
}

// src/campaign/run-campaign.ts
var CAMPAIGN_FILES = [
  REPORT_FILES.campaign,
  JUNIT_FILE,
  PART_JUNIT_FILE,
  REPORT_FILES.summaryMarkdown,
  PLAN_FILE,
  REPORT_FILES.matrix,
  "scenarios",
  "probe",
  "boot",
  "golden"
];
async function probe(options, config, host) {
  const dir = join39(config.report.dir, "probe");
  host.log.info(`probe run without faults: which points does the guest have, and how often does it call them?`);
  const { run } = await runPipeline(
    {
      inputs: scenarioInputs(options.inputs, { name: `${config.name}-probe`, resultsDir: dir, seed: config.faults.seed, rules: [], faultsEnabled: false }),
      cwd: options.cwd,
      countBlockRequests: true,
      partOfCampaign: true,
      ...options.signal ? { signal: options.signal } : {}
    },
    host
  );
  const points = [
    ...run.points.map((p) => ({ point: p.name, source: "probe", calls: p.calls })),
    ...blockPoints(run.record.hostFaults?.testRequests ?? [])
  ];
  const calls = points.map((p) => `${p.point}${p.calls === void 0 ? "" : ` \xD7${p.calls}`}`);
  host.log.info(`probe: ${run.verdict} \u2014 ${run.reason}; ${points.length} point(s)${calls.length ? `: ${calls.join(", ")}` : ""}`);
  return { points, probe: { verdict: run.verdict, reason: run.reason, dir: "probe" } };
}
function blockPoints(requests) {
  return requests.flatMap(
    (r) => ["read", "write", "flush"].filter((op) => r[op] > 0).map((op) => ({ point: `block.${op}[disk=${r.disk}]`, source: "probe", calls: r[op] }))
  );
}
function probedCalls(point, probed) {
  const rule = parseRule(`${point}=fail`);
  const exact = probed.find((q) => q.point === point || q.point === rule.point);
  if (exact) return exact.calls;
  if (rule.point.startsWith("block.") && rule.params?.disk === void 0) {
    const onDisks = probed.filter((q) => q.point.startsWith(`${rule.point}[disk=`));
    if (onDisks.length === 1) return onDisks[0].calls;
  }
  return void 0;
}
async function choosePoints(options, config, host) {
  const settings = config.campaign;
  const given = settings.points.map((p) => ({ point: p.point, source: "config", calls: void 0 }));
  if (given.length > 0 && settings.kind !== "fail-nth") return { points: given, probe: void 0, notes: [] };
  const probed = await probe(options, config, host);
  const notes = [];
  if (probed.probe.verdict !== "pass") return { points: [], probe: probed.probe, notes };
  if (given.length === 0) {
    if (probed.points.length === 0)
      notes.push(
        "the guest reported no fault points in the probe run: give `points`, or have the test register them (`qfi-fault --register NAME`, or print `QFI-POINT:NAME`)"
      );
    return { points: probed.points, probe: probed.probe, notes };
  }
  const points = given.map((p) => ({ ...p, calls: probedCalls(p.point, probed.points) }));
  return { points, probe: probed.probe, notes };
}
async function planCampaign(options, host) {
  const config = await resolveInputs(options, host.log, { purpose: "campaign" });
  const { plan, folder } = await claimAndPlan(options, config, host);
  try {
    const matrix = toMatrix(plan.scenarios, matrixJobs(plan, config.campaign.maxJobs));
    const planFile = writePlanFile(config.report.dir, plan);
    writeResultFile(join39(config.report.dir, REPORT_FILES.matrix), `${JSON.stringify(matrix)}
`);
    host.log.info(`plan: ${plan.scenarios.length} scenario(s) in ${matrix.include.length} job(s), seed ${plan.seed}; ${planFile}`);
    for (const note of plan.notes) host.log.info(`note: ${note}`);
    return { config, plan, matrix, planFile };
  } finally {
    folder.release();
  }
}
var SNAPSHOT_TRIALS_PER_JOB = 25;
function matrixJobs(plan, maxJobs) {
  if (plan.kind !== "snapshot") return maxJobs;
  return Math.max(1, Math.min(maxJobs, Math.ceil(plan.scenarios.length / SNAPSHOT_TRIALS_PER_JOB)));
}
async function claimAndPlan(options, config, host) {
  const fromFile = config.campaign.planFile ? readPlanFile(config.campaign.planFile) : void 0;
  const folder = claimResultsFolder(config.report.dir, CAMPAIGN_FILES, { mode: "campaign", location: sourceOf(config, "results-dir") });
  try {
    return { plan: fromFile ?? await makeCampaignPlan(options, config, host), folder };
  } catch (err) {
    folder.release();
    throw err;
  }
}
async function makeCampaignPlan(options, config, host) {
  if (config.campaign.kind === "snapshot") {
    return {
      schema: CAMPAIGN_SCHEMA_VERSION,
      name: config.name,
      kind: "snapshot",
      seed: config.faults.seed,
      points: config.campaign.regions.map((r) => ({ point: r.name, source: "config", calls: void 0 })),
      scenarios: planSnapshotTrials(config.campaign, config.faults.seed),
      notes: [],
      probe: void 0
    };
  }
  const { points, probe: probeRun, notes } = await choosePoints(options, config, host);
  const planned = planScenarios(config.campaign, points, config.faults.seed);
  return {
    schema: CAMPAIGN_SCHEMA_VERSION,
    name: config.name,
    kind: config.campaign.kind,
    seed: config.faults.seed,
    points,
    scenarios: planned.scenarios,
    notes: [...notes, ...planned.notes],
    probe: probeRun
  };
}
function selectScenarios(plan, config) {
  const { scenario, shard } = config.campaign;
  if (scenario !== void 0) {
    const found = plan.scenarios.find((s) => s.id === scenario);
    if (!found) {
      const guess = closestMatch(
        scenario,
        plan.scenarios.map((s) => s.id)
      );
      throw new UsageError(`the plan has no scenario \`${scenario}\``, {
        hint: `${guess ? `did you mean \`${guess}\`? ` : ""}the plan has ${plan.scenarios.length} scenario(s)${plan.scenarios.length ? `, e.g. ${plan.scenarios.slice(0, 3).map((s) => s.id).join(", ")}` : ""}`
      });
    }
    return { scenarios: [found], part: `scenario ${scenario}` };
  }
  if (shard) return { scenarios: shardScenarios(plan.scenarios, shard), part: `shard ${shard.index}/${shard.count}` };
  return { scenarios: plan.scenarios, part: "all" };
}
async function runScenario(options, config, host, scenario, label, quiet2, extra = {}) {
  const id = extra.recheckOf ? `${scenario.id}-recheck` : scenario.id;
  const dir = join39("scenarios", id);
  const inputs = scenarioInputs(options.inputs, { name: scenario.id, resultsDir: join39(config.report.dir, dir), seed: scenario.seed, rules: scenario.rules });
  const { run, config: runConfig } = await runPipeline(
    { inputs, cwd: options.cwd, partOfCampaign: true, ...options.signal ? { signal: options.signal } : {} },
    scenarioHost(host, quiet2)
  );
  const pointName = scenario.point.replace(/\[.*$/, "");
  const injections = run.injections?.total ?? run.points.find((p) => p.name === pointName)?.fails;
  const result = {
    ...scenario,
    id,
    verdict: run.verdict,
    reason: run.reason,
    wallMs: run.record.wallMs,
    dir,
    reproducer: reproducerLine(runConfig.reproducerArgs),
    injections,
    ...extra
  };
  const line = `${label} ${id}: ${run.verdict} \u2014 ${run.reason} (${(run.record.wallMs / 1e3).toFixed(1)} s${injections === void 0 ? "" : `, ${injections} injection(s)`})`;
  if (run.verdict === "pass") host.log.info(line);
  else host.log.warn(`${line}
    reproduce: ${result.reproducer}`);
  return result;
}
function scenarioHost(host, quiet2) {
  const log = host.log;
  return {
    ...host,
    log: {
      ...log,
      info: quiet2 ? (m) => log.debug(m) : log.info.bind(log),
      warn: quiet2 ? (m) => log.debug(m) : log.warn.bind(log),
      group: quiet2 ? (_title, fn) => fn() : log.group.bind(log)
    }
  };
}
async function runCampaign(options, host) {
  const config = await resolveInputs(options, host.log, { purpose: "campaign" });
  const { plan, folder } = await claimAndPlan(options, config, host);
  try {
    return await runPlannedCampaign(options, config, plan, host);
  } finally {
    folder.release();
  }
}
async function runPlannedCampaign(options, config, plan, host) {
  writePlanFile(config.report.dir, plan);
  const { scenarios, part } = selectScenarios(plan, config);
  host.log.info(`campaign ${plan.name} (${plan.kind}): ${scenarios.length} of ${plan.scenarios.length} scenario(s), ${part}, seed ${plan.seed}`);
  if (plan.kind === "snapshot") {
    const snapshot = await runSnapshotCampaign(config, scenarios, host, options.signal);
    const reproducer = snapshotReproducer(config);
    const results2 = snapshot.results.map((r) => ({ ...r, reproducer: reproducer(r.id) }));
    const report2 = {
      ...finishReport(config, { ...plan, probe: snapshot.probe }, part, results2, host),
      ...snapshot.facts ? { snapshot: snapshot.facts } : {}
    };
    return { config, report: report2, files: writeCampaignReports(report2, config.report.dir, { part: part !== "all" }) };
  }
  const results = [];
  if (plan.probe?.verdict === "pass" || plan.probe === void 0) {
    for (const [i2, scenario] of scenarios.entries()) {
      if (options.signal?.aborted) break;
      results.push(await runScenario(options, config, host, scenario, `[${i2 + 1}/${scenarios.length}]`, i2 > 0));
    }
    if (plan.kind === "chaos" && config.campaign.recheck > 0) await recheckFailures(options, config, host, results);
  }
  const report = finishReport(config, plan, part, results, host);
  const files = writeCampaignReports(report, config.report.dir, { part: part !== "all" });
  return { config, report, files };
}
async function recheckFailures(options, config, host, results) {
  const perPoint = /* @__PURE__ */ new Map();
  const failing = results.filter((r) => r.verdict !== "pass" && r.verdict !== "infra-error");
  for (const [i2, r] of failing.entries()) {
    const key = `${r.point} ${r.action}`;
    const done = perPoint.get(key) ?? 0;
    if (done >= config.campaign.recheck || options.signal?.aborted) continue;
    perPoint.set(key, done + 1);
    const { verdict: _v, reason: _r, wallMs: _w, dir: _d, reproducer: _p, injections: _i, ...scenario } = r;
    results.push(await runScenario(options, config, host, scenario, `[recheck ${i2 + 1}/${failing.length}]`, true, { recheckOf: r.id }));
  }
}
function snapshotReproducer(config) {
  const args = keptReproducerArgs(config.reproducerArgs, ["--results-dir", "--shard", "--scenario", "--plan-file"]);
  return (id) => shellCommand(["qfi", "campaign", ...args, "--scenario", id]);
}
function historyStats(config, host) {
  const file = config.campaign.history;
  if (file === void 0) return void 0;
  if (!existsSync27(file)) {
    host.log.warn(`history ${file} does not exist: nothing to compare with (the first campaign has no history)`);
    return void 0;
  }
  try {
    return readCampaignReport(file).stats;
  } catch (err) {
    host.log.warn(`history ${file} is unreadable, not compared: ${err.message}`);
    return void 0;
  }
}
function finishReport(config, plan, part, results, host) {
  let stats = pointStats(results);
  const previous = historyStats(config, host);
  if (previous) stats = compareWithHistory(stats, previous);
  const verdict = plan.probe && plan.probe.verdict !== "pass" ? {
    verdict: plan.probe.verdict === "infra-error" ? "infra-error" : "fail",
    reason: plan.kind === "snapshot" ? `no trial ran: ${plan.probe.reason}` : `the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}), so no scenario ran; make the test pass without faults first`
  } : campaignVerdict(plan.kind, results, stats, previous !== void 0);
  return {
    schema: CAMPAIGN_SCHEMA_VERSION,
    name: plan.name,
    kind: plan.kind,
    seed: plan.seed,
    part,
    results,
    stats,
    notes: plan.notes,
    probe: plan.probe,
    history: previous ? relative5(config.report.dir, config.campaign.history) || config.campaign.history : void 0,
    ...verdict
  };
}

// src/campaign/merge.ts
function findCampaignFiles(dir) {
  const found = [];
  const walk = (d, depth) => {
    if (depth > 6) return;
    const entries = readdirSync7(d, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === REPORT_FILES.campaign)) {
      found.push(join40(d, REPORT_FILES.campaign));
      return;
    }
    for (const e of entries) if (e.isDirectory() && e.name !== "scenarios" && e.name !== "probe") walk(join40(d, e.name), depth + 1);
  };
  walk(dir, 0);
  return found.sort();
}
async function mergeCampaigns(options, host) {
  const config = await resolveInputs(options, host.log, { needsCommand: false });
  const dirs = config.campaign.mergeFrom;
  if (dirs.length === 0)
    throw new UsageError("nothing to merge", { hint: "give the folders holding the campaign jobs' results: `qfi merge DIR\u2026` (action: `merge-from`)" });
  const out = config.report.dir;
  mkdirSync8(out, { recursive: true });
  const files = dirs.flatMap((d) => {
    if (!existsSync28(d) || !statSync14(d).isDirectory())
      throw new ConfigError(`${d} is not a folder`, {
        location: { input: "merge-from" },
        hint: "give folders that hold campaign results (campaign.json), such as downloaded artifacts"
      });
    return findCampaignFiles(d).filter((f) => dirname13(f) !== out);
  });
  if (files.length === 0)
    throw new ConfigError(`no campaign.json under ${dirs.join(", ")}`, {
      location: { input: "merge-from" },
      hint: "each campaign job writes campaign.json into its results folder; download all of their artifacts first"
    });
  const reports = files.map((f) => ({ file: f, report: readCampaignReport(f) }));
  const first = reports[0].report;
  for (const { file, report: report2 } of reports) {
    if (report2.name !== first.name || report2.kind !== first.kind || report2.seed !== first.seed) {
      host.log.warn(
        `${file} is from campaign ${report2.name} (${report2.kind}, seed ${report2.seed}), not ${first.name} (${first.kind}, seed ${first.seed}); merged anyway`
      );
    }
  }
  const results = [];
  const seen = /* @__PURE__ */ new Set();
  for (const { file, report: report2 } of reports) {
    for (const r of report2.results) {
      if (seen.has(r.id)) {
        host.log.warn(`scenario ${r.id} is in more than one result (${file} too); the first is kept`);
        continue;
      }
      seen.add(r.id);
      results.push({ ...r, dir: relative6(out, join40(dirname13(file), r.dir)) });
    }
  }
  for (const plan of files.map((f) => join40(dirname13(f), PLAN_FILE)).filter(existsSync28).map((p) => readPlanFile(p, "merge-from"))) {
    for (const s of plan.scenarios) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      results.push({
        ...s,
        verdict: "infra-error",
        reason: "no results: the job that runs this scenario did not report",
        wallMs: 0,
        dir: join40("missing", s.id),
        reproducer: "",
        injections: void 0
      });
    }
  }
  host.log.info(`merged ${results.length} scenario result(s) from ${files.length} campaign job(s)`);
  const notes = [...new Set(reports.flatMap((r) => r.report.notes))];
  const report = finishReport(
    config,
    { name: first.name, kind: first.kind, seed: first.seed, notes, probe: first.probe },
    `merged from ${files.length} job(s)`,
    results,
    host
  );
  return { config, report, files: writeCampaignReports(report, out, { part: false }) };
}

// src/qtest/qtest-pipeline.ts
import { rmSync as rmSync7 } from "node:fs";

// src/qtest/qtest-report.ts
import { basename as basename7 } from "node:path";
function qtestVerdict(scripts) {
  const sections = scripts.flatMap((s) => s.sections.map((section) => ({ script: s, section })));
  const crashed = scripts.find((s) => s.crash !== void 0 && s.sections.some((x) => x.stepsRun > 0));
  if (crashed) return { verdict: "panic", reason: `${crashed.script.name}: ${crashed.crash}` };
  const error = sections.find((x) => x.section.status === "error");
  if (error) return { verdict: "infra-error", reason: `${error.script.script.name} [${error.section.name}]: ${error.section.error}` };
  const failed2 = sections.filter((x) => x.section.status === "fail");
  if (failed2.length > 0) {
    const first = failed2[0];
    const f = first.section.failure;
    return {
      verdict: "fail",
      reason: `${failed2.length} of ${sections.length} qtest section${sections.length === 1 ? "" : "s"} failed; first: ${first.script.script.name} [${first.section.name}] line ${f.line} \`${f.source}\` answered \`${f.actual}\``
    };
  }
  return {
    verdict: "pass",
    reason: `${sections.length} qtest section${sections.length === 1 ? "" : "s"} in ${scripts.length} script${scripts.length === 1 ? "" : "s"} passed`
  };
}
var qtestSuiteName = (script) => `qtest ${script.script.name}`;
function sectionCase(script, section) {
  const file = workspaceRelative(script.script.file, { cwd: process.cwd(), env: process.env });
  const tc = {
    name: `${script.script.name}: ${section.name}`,
    classname: qtestSuiteName(script),
    time: section.durationMs / 1e3,
    ...file ? { file, line: section.failure?.line ?? section.line } : {}
  };
  const where = `${basename7(script.script.file)}:${section.failure?.line ?? section.line}`;
  if (section.status === "fail" && section.failure) {
    const f = section.failure;
    tc.result = { kind: "failure", type: "qtest-mismatch", message: `${f.source}: answered ${f.actual}`, text: `${where}: ${f.source}
${f.diff}` };
  } else if (section.status === "error") {
    tc.result = {
      kind: "error",
      type: script.crash && section.stepsRun > 0 ? "qemu-crash" : "qemu",
      message: section.error ?? "error",
      text: `${where}
${section.error ?? ""}${script.crash ? `
QEMU's stderr: ${script.files.stderr}` : ""}`
    };
  }
  return tc;
}
function toQtestJUnit(outcome) {
  const suites = outcome.scripts.map((s) => ({
    name: qtestSuiteName(s),
    time: s.sections.reduce((t, x) => t + x.durationMs, 0) / 1e3,
    properties: [
      ["qfi.qtest.script", s.script.file],
      ["qfi.qtest.machine", outcome.machineType],
      ["qfi.qemu", `${outcome.qemu.version} (${outcome.qemu.origin}) ${outcome.qemu.binary}`],
      ...s.crash ? [["qfi.qemu.crash", s.crash]] : []
    ],
    cases: s.sections.map((section) => sectionCase(s, section))
  }));
  return renderJUnit(outcome.name, suites);
}
function toQtestSummaryJson(outcome) {
  return `${JSON.stringify(
    {
      schema: 1,
      mode: "qtest",
      name: outcome.name,
      verdict: outcome.verdict,
      reason: outcome.reason,
      machine: outcome.machineType,
      qemu: outcome.qemu,
      scripts: outcome.scripts.map((s) => ({
        file: s.script.file,
        name: s.script.name,
        qemuExit: s.qemuExit,
        crash: s.crash ?? null,
        files: { qtestLog: basename7(s.files.qtestLog), stderr: basename7(s.files.stderr) },
        sections: s.sections.map((x) => ({
          name: x.name,
          line: x.line,
          status: x.status,
          durationMs: x.durationMs,
          stepsRun: x.stepsRun,
          steps: x.steps,
          failure: x.failure ?? null,
          error: x.error ?? null
        })),
        hostFaults: s.hostFaults ?? null
      }))
    },
    null,
    2
  )}
`;
}
function toQtestMarkdown(outcome) {
  const icon = { pass: "\u2705", fail: "\u274C", error: "\u{1F4A5}" };
  const out = [
    `## qfi qtest ${outcome.name}: ${outcome.verdict}`,
    "",
    outcome.reason,
    "",
    `QEMU ${outcome.qemu.version} (${outcome.qemu.origin}), machine \`${outcome.machineType}\`.`,
    ""
  ];
  for (const s of outcome.scripts) {
    out.push(`### ${s.script.name}`, "", "| section | result | steps | time |", "|---|---|---|---|");
    for (const x of s.sections)
      out.push(`| ${x.name.replaceAll("|", "\\|")} | ${icon[x.status]} ${x.status} | ${x.stepsRun}/${x.steps} | ${(x.durationMs / 1e3).toFixed(3)} s |`);
    for (const x of s.sections.filter((y) => y.failure || y.error)) {
      out.push(
        "",
        `**${x.name}**${x.failure ? ` line ${x.failure.line}: \`${x.failure.source}\`` : ""}`,
        "",
        "```",
        x.failure ? x.failure.diff : x.error ?? "",
        "```"
      );
    }
    out.push("");
  }
  return boundMarkdown(`${out.join("\n")}
`, maxSummaryBytes);
}
function writeQtestReports(outcome, dir) {
  const files = reportFilesIn(dir);
  writeResultFile(files.junit, toQtestJUnit(outcome));
  writeResultFile(files.summaryJson, toQtestSummaryJson(outcome));
  writeResultFile(files.summaryMarkdown, toQtestMarkdown(outcome));
  return files;
}

// src/qtest/qtest-support.ts
async function probeQtestAccel(binary, signal) {
  const child = execa(
    ...diesWithParent(binary, ["-machine", "none", "-accel", "qtest", "-nodefaults", "-display", "none", "-qtest", "stdio", "-qtest-log", "/dev/null"]),
    {
      reject: false,
      stdin: "pipe",
      timeout: 2e4,
      ...signal ? { cancelSignal: signal } : {}
    }
  );
  let answered = false;
  child.stdout?.on("data", (chunk) => {
    if (/^OK (big|little)$/m.test(chunk.toString())) {
      answered = true;
      child.kill("SIGTERM");
    }
  });
  child.stdin?.write("endianness\n");
  const r = await child;
  if (answered) return { ok: true };
  const said = String(r.stderr ?? "").trim().split("\n").filter(Boolean).slice(-2).join(" | ");
  return { ok: false, reason: said || (r.timedOut ? "it did not answer within 20 s" : `it exited with status ${r.exitCode}`) };
}
async function probeQtestAttrs(conn, timeoutMs) {
  const probe2 = "readb 0x0 qfi-not-an-attribute";
  const answer = await conn.send(probe2, timeoutMs);
  if (answer.status !== "OK") return { supported: true };
  return { supported: false, evidence: `it answered \`${probe2}\` with \`${answer.line}\` instead of rejecting the unknown attribute` };
}

// src/qtest/run-qtest.ts
import { join as join41 } from "node:path";
import { setTimeout as sleep5 } from "node:timers/promises";

// src/qtest/judge-step.ts
function judgeAnswer(step, answer) {
  const expect = step.expect;
  const actual = answer.line;
  if (expect?.kind === "error") {
    return answer.status === "OK" ? { ok: false, actual, diff: `expected: an error (ERR or FAIL)
actual:   ${actual}` } : { ok: true, actual };
  }
  if (answer.status !== "OK") return { ok: false, actual, diff: `expected: OK${expect ? ` ${describe(expect)}` : ""}
actual:   ${actual}` };
  if (!expect) return { ok: true, actual };
  switch (expect.kind) {
    case "value":
      return judgeValue(expect, answer.rest, actual);
    case "data":
      return judgeData(expect, answer.rest, actual);
    case "text": {
      const holds = answer.rest === expect.word === (expect.op === "==");
      return holds ? { ok: true, actual } : { ok: false, actual, diff: `expected: ${expect.op === "!=" ? "not " : ""}${expect.word}
actual:   ${answer.rest}` };
    }
  }
}
function describe(expect) {
  if (expect.kind === "value") return `${expect.op === "!=" ? "!= " : ""}${expect.text}${expect.mask !== void 0 ? ` (& ${hex2(expect.mask)})` : ""}`;
  if (expect.kind === "data" || expect.kind === "text") return `${expect.op === "!=" ? "!= " : ""}${expect.text}`;
  return "ERR";
}
function judgeValue(expect, rest, actual) {
  const word = rest.split(/\s+/)[0] ?? "";
  if (!/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(word)) return { ok: false, actual, diff: `expected: a value ${describe(expect)}
actual:   ${actual} (no number)` };
  const raw = BigInt(word);
  const value = expect.mask === void 0 ? raw : raw & expect.mask;
  const holds = value === expect.value === (expect.op === "==");
  if (holds) return { ok: true, actual };
  const printed = word.startsWith("0x") ? word.length - 2 : 0;
  const width = Math.max(printed, hexDigits(raw), hexDigits(expect.value), expect.mask === void 0 ? 0 : hexDigits(expect.mask));
  const lines = [
    `expected: ${expect.op === "!=" ? "anything but " : ""}${pad(expect.value, width)}${expect.mask !== void 0 ? ` (after & ${pad(expect.mask, width)})` : ""}`,
    `actual:   ${pad(value, width)}${expect.mask !== void 0 ? ` (read ${pad(raw, width)})` : ""}`
  ];
  if (expect.op === "==") lines.push(`differs:  ${pad(value ^ expect.value, width)} (bits ${bitList(value ^ expect.value)})`);
  return { ok: false, actual, diff: lines.join("\n") };
}
function judgeData(expect, rest, actual) {
  const got = (rest.split(/\s+/)[0] ?? "").toLowerCase();
  const holds = got === expect.data === (expect.op === "==");
  if (holds) return { ok: true, actual };
  const lines = [`expected: ${expect.op === "!=" ? "anything but " : ""}${expect.data}`, `actual:   ${got}`];
  if (expect.op === "==") {
    const want = expect.data.slice(2).match(/../g) ?? [];
    const have = got.replace(/^0x/, "").match(/../g) ?? [];
    const differing = want.map((b, i2) => b !== have[i2] ? `byte ${i2}: ${b} != ${have[i2] ?? "--"}` : void 0).filter((d) => d !== void 0);
    if (differing.length) lines.push(`differs:  ${differing.slice(0, 8).join(", ")}${differing.length > 8 ? ` and ${differing.length - 8} more` : ""}`);
  }
  return { ok: false, actual, diff: lines.join("\n") };
}
function hex2(v) {
  return `0x${v.toString(16)}`;
}
function hexDigits(v) {
  return v.toString(16).length;
}
function pad(v, width) {
  return `0x${v.toString(16).padStart(width, "0")}`;
}
function bitList(v) {
  const bits = [];
  for (let i2 = 0; v >> BigInt(i2) > 0n; i2++) if (v >> BigInt(i2) & 1n) bits.push(i2);
  return bits.length > 8 ? `${bits.slice(0, 8).join(", ")}\u2026` : bits.join(", ");
}

// src/qtest/qtest-client.ts
import { createServer } from "node:net";
var QtestClosedError = class extends Error {
};
var QtestServer = class _QtestServer {
  constructor(server) {
    this.server = server;
  }
  server;
  static async listen(path6) {
    const server = createServer();
    await new Promise((resolve12, reject) => {
      server.once("error", reject);
      server.listen(path6, () => resolve12());
    });
    return new _QtestServer(server);
  }
  /** QEMU's connection, or a rejection when `signal` aborts first (QEMU exited, timeout). */
  accept(signal) {
    return new Promise((resolve12, reject) => {
      const onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error("QEMU did not connect to the qtest socket"));
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      this.server.once("connection", (socket) => {
        signal.removeEventListener("abort", onAbort);
        resolve12(new QtestConnection(socket));
      });
    });
  }
  close() {
    this.server.close();
  }
};
var QtestConnection = class {
  /** Last level of each intercepted IRQ line (true: raised). */
  irqs = /* @__PURE__ */ new Map();
  channel;
  constructor(socket) {
    this.channel = new LineChannel(socket, {
      decode: decodeQtestLine,
      onUnclaimed: (msg) => {
        if (msg.kind === "irq") this.irqs.set(msg.line, msg.raised);
      },
      closedError: (cause) => new QtestClosedError(cause ? `qtest connection: ${cause.message}` : "QEMU closed the qtest connection")
    });
  }
  /** Sends one command and waits for its answer (at most `timeoutMs`). */
  async send(command, timeoutMs) {
    if (this.channel.closed) throw this.channel.closed;
    const reply = this.channel.waitFor((m) => m.kind === "answer", {
      timeoutMs,
      timeoutError: () => new Error(`no answer to \`${command}\` within ${timeoutMs / 1e3} s`)
    });
    this.channel.send(command);
    const msg = await reply;
    return msg.answer;
  }
  close() {
    this.channel.close();
  }
};
function decodeQtestLine(line) {
  const irq = /^IRQ (raise|lower) (\d+)$/.exec(line);
  if (irq) return { kind: "irq", line: Number(irq[2]), raised: irq[1] === "raise" };
  const m = /^(OK|FAIL|ERR)(?:\s+(.*))?$/.exec(line);
  return m ? { kind: "answer", answer: { status: m[1], rest: (m[2] ?? "").trim(), line } } : void 0;
}

// src/qtest/run-qtest.ts
function qtestFileNames(script) {
  return { qtestLog: `qtest-${script.name}.log`, stderr: `qtest-${script.name}-stderr.log`, blockTrace: `qtest-${script.name}-block-trace.log` };
}
function qtestArgv(plan, machine, paths) {
  const argv = [machine.qemuBinary, "-machine", plan.machineType, "-accel", "qtest", "-nodefaults", "-display", "none", "-m", plan.memory];
  if (plan.cpu) argv.push("-cpu", plan.cpu);
  for (const dir of machine.firmwareDirs) argv.push("-L", dir);
  argv.push("-qtest", `unix:${paths.qtestSocket}`, "-qtest-log", paths.qtestLog);
  argv.push("-qmp", `unix:${paths.qmpSocket},server=on,wait=off`);
  plan.host.disks.forEach((disk, i2) => argv.push(...diskNodeArgs(disk, machine.disks[i2].image)));
  for (const device of machine.devices) argv.push("-device", device);
  if (paths.blockTrace) {
    for (const event of BLOCK_TRACE_EVENTS) argv.push("-trace", `enable=${event}`);
    argv.push("-D", paths.blockTrace, "-msg", "timestamp=on");
  }
  argv.push(...plan.extraArgs);
  return argv;
}
async function runQtestScript(script, opts) {
  const names = qtestFileNames(script);
  const files = { qtestLog: join41(opts.resultsDir, names.qtestLog), stderr: join41(opts.resultsDir, names.stderr) };
  const qtestSocket = join41(opts.privateDir, `qtest-${script.name}.sock`);
  const qmpSocket = join41(opts.privateDir, `qmp-${script.name}.sock`);
  const hasBlockRules = opts.plan.host.hostRules.length > 0;
  const blockTrace = hasBlockRules ? join41(opts.resultsDir, names.blockTrace) : void 0;
  const argv = qtestArgv(opts.plan, opts.machine, { qtestSocket, qtestLog: files.qtestLog, qmpSocket, blockTrace });
  const server = await QtestServer.listen(qtestSocket);
  const started = Date.now();
  opts.log.info(`qtest ${script.name}: ${script.sections.length} section(s) on ${opts.plan.machineType}`);
  const qemu = new QemuProcess(argv, { consoleFile: void 0, stderrFile: files.stderr, talksToGuest: false, log: opts.log, privateDir: opts.privateDir });
  const exited = new AbortController();
  void qemu.exited.then(
    (e) => exited.abort(new Error(`QEMU exited before connecting to the qtest socket${e.code !== void 0 ? ` (status ${e.code})` : ""}`))
  );
  let qmp;
  const stop = () => qemu.stop(qmp ? (ms) => qmp.execute("quit", void 0, ms) : void 0);
  const onAbort = () => void stop();
  opts.signal?.addEventListener("abort", onAbort, { once: true });
  const sections = [];
  let conn;
  let hostFaults;
  let refusal;
  try {
    if (opts.signal?.aborted) throw new Error("interrupted before the script started");
    conn = await server.accept(AbortSignal.any([exited.signal, AbortSignal.timeout(3e4)]));
    if (hasBlockRules) {
      qmp = await QmpClient.connect(qmpSocket, { timeoutMs: 1e4 });
      hostFaults = await armHostFaults(qmp, opts, blockTrace);
    }
    refusal = await refuseIgnoredAttrs(script, conn, opts);
    if (!refusal) await runSections(script, conn, hostFaults, opts, started + opts.scriptTimeoutMs, sections);
  } catch (err) {
    const lost = err.message;
    for (const section of script.sections.slice(sections.length)) sections.push(notRun(section, lost));
  } finally {
    conn?.close();
    server.close();
  }
  await stop();
  const exit = await qemu.exited;
  opts.signal?.removeEventListener("abort", onAbort);
  qmp?.close();
  hostFaults?.finish();
  if (refusal) throw refusal;
  const byUs = !exit.signal && exit.code === 0 || exit.signal !== void 0 && qemu.sentSignal(exit.signal);
  const crash = byUs ? void 0 : describeCrash(
    exit,
    qemu.stderrTail,
    sections.some((s) => s.stepsRun > 0)
  );
  if (crash) markCrash(sections, crash);
  return { script, sections, qemuArgv: argv, qemuExit: { code: exit.code, signal: exit.signal }, crash, files, hostFaults: hostFaults?.record() };
}
async function armHostFaults(qmp, opts, blockTrace) {
  const hostFaults = new HostFaults(opts.plan, {
    log: opts.log,
    resultsDir: opts.resultsDir,
    images: new Map(opts.machine.disks.map((d) => [d.id, d.image])),
    traceFile: blockTrace,
    startsPaused: false,
    onReset: () => void 0
  });
  await hostFaults.start(qmp, 0);
  await hostFaults.testStarted();
  return hostFaults;
}
async function runSections(script, conn, hostFaults, opts, deadline, sections) {
  let lost;
  for (const section of script.sections) {
    if (lost) {
      sections.push(notRun(section, `not run: ${lost}`));
      continue;
    }
    const r = await runSection(section, conn, hostFaults, opts, deadline);
    sections.push(r);
    if (r.status === "error") lost = r.error;
  }
}
function notRun(section, error) {
  return { name: section.name, line: section.line, status: "error", durationMs: 0, stepsRun: 0, steps: section.steps.length, error };
}
async function runSection(section, conn, hostFaults, opts, deadline) {
  const start = Date.now();
  const base = { name: section.name, line: section.line, steps: section.steps.length };
  let stepsRun = 0;
  for (const step of section.steps) {
    stepsRun++;
    try {
      const failure = await runStep(step, conn, hostFaults, opts, deadline);
      if (failure) return { ...base, status: "fail", durationMs: Date.now() - start, stepsRun, failure };
    } catch (err) {
      const why = err instanceof QtestClosedError ? "QEMU closed the qtest connection (it exited or crashed)" : err.message;
      return { ...base, status: "error", durationMs: Date.now() - start, stepsRun, error: `line ${step.line} \`${step.source}\`: ${why}` };
    }
  }
  return { ...base, status: "pass", durationMs: Date.now() - start, stepsRun };
}
async function runStep(step, conn, hostFaults, opts, deadline) {
  if (step.kind === "marker") {
    await hostFaults?.marker(step.marker);
    return void 0;
  }
  const pollUntil = step.untilMs !== void 0 ? Date.now() + step.untilMs : 0;
  for (; ; ) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`the script ran out of time (test-timeout ${opts.scriptTimeoutMs / 1e3} s)`);
    let outcome;
    if (step.kind === "irq") {
      const level = conn.irqs.get(step.irq.line);
      const actual = level === void 0 ? "never changed" : level ? "raised" : "lowered";
      outcome = level === step.irq.raised ? { ok: true, actual } : { ok: false, actual, diff: `expected: IRQ ${step.irq.line} ${step.irq.raised ? "raised" : "lowered"}
actual:   ${actual}` };
    } else {
      outcome = judgeAnswer(step, await conn.send(step.wire, Math.min(opts.commandTimeoutMs, left)));
    }
    if (outcome.ok) return void 0;
    if (Date.now() >= pollUntil) {
      const waited = step.untilMs !== void 0 ? `
(polled for ${step.untilMs / 1e3} s)` : "";
      return { line: step.line, source: step.source, actual: outcome.actual, diff: `${outcome.diff ?? ""}${waited}` };
    }
    await sleep5(10);
  }
}
async function refuseIgnoredAttrs(script, conn, opts) {
  const first = script.sections.flatMap((s) => s.steps).find((step) => step.attrs !== void 0);
  if (!first) return void 0;
  const probe2 = await probeQtestAttrs(conn, opts.commandTimeoutMs);
  if (probe2.supported) return void 0;
  return new ConfigError(
    `line ${first.line} uses memory-transaction attributes (\`${first.attrs}\`), but this QEMU's qtest server ignores them: ${probe2.evidence}`,
    {
      location: { file: script.file, line: first.line },
      hint: `${opts.machine.qemuBinary} would make the access a normal one; run the script on a QEMU whose qtest takes attributes (\`readl ADDR secure\`, \`space=realm\`; not in QEMU 10.2), or drop the attributes`
    }
  );
}
function describeCrash(exit, stderrTail, scriptStarted) {
  if (exit.failed && exit.code === void 0 && exit.signal === void 0) return `QEMU could not be started: ${exit.message}`;
  const last = stderrTail.slice(-3).join(" | ");
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  return `QEMU ${how} ${scriptStarted ? "during the script" : "before the script started"}${last ? `: ${last}` : ""}`;
}
function markCrash(sections, crash) {
  const first = sections.findIndex((s) => s.status === "error");
  if (first < 0) return;
  for (const s of sections.slice(first)) s.error = s.stepsRun > 0 ? `${crash} (${s.error})` : `not run: ${crash}`;
}

// src/qtest/script.ts
import { basename as basename8 } from "node:path";
var COMMANDS = {
  readb: { args: 1, answer: "value", attrs: true },
  readw: { args: 1, answer: "value", attrs: true },
  readl: { args: 1, answer: "value", attrs: true },
  readq: { args: 1, answer: "value", attrs: true },
  writeb: { args: 2, answer: "ok", attrs: true },
  writew: { args: 2, answer: "ok", attrs: true },
  writel: { args: 2, answer: "ok", attrs: true },
  writeq: { args: 2, answer: "ok", attrs: true },
  inb: { args: 1, answer: "value", attrs: false },
  inw: { args: 1, answer: "value", attrs: false },
  inl: { args: 1, answer: "value", attrs: false },
  outb: { args: 2, answer: "ok", attrs: false },
  outw: { args: 2, answer: "ok", attrs: false },
  outl: { args: 2, answer: "ok", attrs: false },
  read: { args: 2, answer: "data", attrs: true },
  write: { args: 3, answer: "ok", attrs: true },
  b64read: { args: 2, answer: "text", attrs: true },
  b64write: { args: 3, answer: "ok", attrs: true },
  memset: { args: 3, answer: "ok", attrs: true },
  clock_step: { args: 0, optionalArgs: 1, answer: "value", attrs: false },
  clock_set: { args: 1, answer: "value", attrs: false },
  irq_intercept_in: { args: 1, answer: "ok", attrs: false },
  irq_intercept_out: { args: 1, answer: "ok", attrs: false },
  set_irq_in: { args: 4, answer: "ok", attrs: false },
  endianness: { args: 0, answer: "text", attrs: false }
};
var ATTRS = /^(secure|space=(non-secure|secure|root|realm))$/;
var NUMBER = /^(0x[0-9a-fA-F]+|[0-9]+)$/;
var SCRIPT_HINT = "a line is a qtest command with an optional expectation: `inb 0x511 == 0x51`, `readl 0x1000 & 0xff == 0x12`, `read 0x1000 4 == 0x51454d55`";
function readQtestScript(file) {
  const request = { path: file, displayPath: file, what: "qtest script", maxBytes: MAX_TEXT_INPUT_BYTES, location: { input: "qtest-script" } };
  return parseQtestScript(decodeUtf8Input(readInputFile(request), request), file);
}
function parseQtestScript(text, file) {
  const name = basename8(file).replace(/\.qtest$/, "");
  const sections = [];
  let current;
  const lines = text.split("\n");
  lines.forEach((raw, i2) => {
    const lineNo = i2 + 1;
    const source = stripComment(raw.replace(/\r$/, "")).trim();
    if (source === "") return;
    const header = /^\[(.*)\]$/.exec(source);
    if (header) {
      const title = header[1].trim();
      if (title === "") throw scriptError("a section needs a name: `[fw_cfg signature]`", file, lineNo, raw, 1);
      if (sections.some((s) => s.name === title))
        throw scriptError(`section [${title}] is given twice`, file, lineNo, raw, 1, "give each section its own name: it is the JUnit testcase name");
      current = { name: title, line: lineNo, steps: [] };
      sections.push(current);
      return;
    }
    if (!current) {
      current = { name: "setup", line: lineNo, steps: [] };
      sections.push(current);
    }
    try {
      current.steps.push(parseStep(source, lineNo));
    } catch (err) {
      if (!(err instanceof ValueProblem)) throw err;
      const indent = raw.length - raw.trimStart().length;
      const at = err instanceof WordProblem ? raw.indexOf(err.word, indent) + 1 : indent + 1;
      throw scriptError(err.message, file, lineNo, raw, Math.max(at, 1), err.hint);
    }
  });
  if (sections.length === 1 && sections[0].name === "setup" && !/^\s*\[/m.test(text)) sections[0].name = name;
  const withSteps = sections.filter((s) => s.steps.length > 0);
  if (withSteps.length === 0) throw scriptError("the script has no commands", file, 1, lines[0] ?? "", 1, SCRIPT_HINT);
  const empty = sections.find((s) => s.steps.length === 0);
  if (empty)
    throw scriptError(
      `section [${empty.name}] has no commands`,
      file,
      empty.line,
      lines[empty.line - 1] ?? "",
      1,
      "add commands under it, or remove the section"
    );
  return { file, name, sections };
}
function stripComment(line) {
  const m = /(^|\s)#/.exec(line);
  return m ? line.slice(0, m.index) : line;
}
var WordProblem = class extends ValueProblem {
  constructor(message, word, hint) {
    super(message, hint);
    this.word = word;
  }
  word;
};
function splitStep(source) {
  let rest = source;
  let untilMs;
  const until = /\s+until\s+(\S+)$/.exec(rest);
  if (until) {
    untilMs = parseDuration(until[1]);
    rest = rest.slice(0, until.index);
  }
  const cmp = /\s+(==|!=)\s+(\S+)$/.exec(rest);
  let mask;
  let op;
  let expected;
  if (cmp) {
    op = cmp[1];
    expected = cmp[2];
    rest = rest.slice(0, cmp.index);
    const masked = /\s+&\s+(\S+)$/.exec(rest);
    if (masked) {
      mask = masked[1];
      rest = rest.slice(0, masked.index);
    }
  }
  const words = rest.split(/\s+/);
  if (untilMs !== void 0 && op === void 0)
    throw new WordProblem("`until` polls for an expectation, but the line has none", "until", "write `inb 0x1f7 & 0x80 == 0x00 until 2s`");
  return { command: words[0], args: words.slice(1), mask, op, expected, untilMs };
}
function parseStep(source, line) {
  const parts = splitStep(source);
  if (parts.command === "marker") return markerStep(parts, source, line);
  if (parts.command === "irq") return irqStep(parts, source, line);
  return qtestStep(parts, source, line);
}
function markerStep({ command, args, op }, source, line) {
  if (args.length !== 1 || op !== void 0 || !/^[A-Za-z0-9_.-]+$/.test(args[0] ?? ""))
    throw new WordProblem("`marker` takes one name of letters, digits, `_`, `.`, `-`", command, "write `marker blk-window`");
  return { line, source, wire: "", kind: "marker", command, attrs: void 0, expect: void 0, untilMs: void 0, marker: args[0] };
}
function irqStep({ command, args, op, expected, mask, untilMs }, source, line) {
  const irqLine = args[0] ?? "";
  if (args.length !== 1 || !/^[0-9]+$/.test(irqLine) || op !== "==" || expected !== "raised" && expected !== "lowered" || mask) {
    throw new WordProblem(
      "`irq` checks an intercepted IRQ line: `irq N == raised` or `irq N == lowered`",
      command,
      "intercept the lines first with `irq_intercept_in` or `irq_intercept_out`"
    );
  }
  return {
    line,
    source,
    wire: "",
    kind: "irq",
    command,
    attrs: void 0,
    expect: void 0,
    untilMs,
    irq: { line: Number(irqLine), raised: expected === "raised" }
  };
}
function qtestStep({ command, args, mask, op, expected, untilMs }, source, line) {
  const spec2 = COMMANDS[command];
  if (!spec2)
    throw new WordProblem(`unknown qtest command \`${command}\``, command, `known commands: ${Object.keys(COMMANDS).join(", ")}, and qfi's own marker and irq`);
  let attrs2;
  const most = spec2.args + (spec2.optionalArgs ?? 0);
  if (spec2.attrs && args.length === spec2.args + 1) attrs2 = args.pop();
  if (args.length < spec2.args || args.length > most) {
    throw new WordProblem(
      `\`${command}\` takes ${spec2.optionalArgs ? `${spec2.args} to ${most}` : spec2.args} argument${most === 1 ? "" : "s"}${spec2.attrs ? " and optional attributes" : ""}, got ${args.length + (attrs2 ? 1 : 0)}`,
      command,
      SCRIPT_HINT
    );
  }
  if (attrs2 !== void 0 && !ATTRS.test(attrs2)) {
    throw new WordProblem(
      `bad memory-transaction attributes \`${attrs2}\``,
      attrs2,
      "QEMU's qtest takes `secure` or `space=non-secure|secure|root|realm` after the command's arguments"
    );
  }
  const numeric = command.startsWith("set_irq_in") || command.startsWith("irq_intercept") ? [] : command === "b64write" ? args.slice(0, 2) : args;
  for (const a2 of numeric) if (!NUMBER.test(a2)) throw new WordProblem(`\`${a2}\` is not a number`, a2, "write numbers in hex (`0x510`) or decimal");
  if (/^(in|out)[bwl]$/.test(command) && BigInt(args[0]) > 0xffffn)
    throw new WordProblem(`port ${args[0]} is beyond 0xffff`, args[0], "I/O ports are 16-bit; use readX/writeX for memory addresses");
  if (["read", "b64read", "write", "b64write", "memset"].includes(command) && BigInt(args[1]) === 0n)
    throw new WordProblem("a size of 0 reads or writes nothing", args[1], "give the number of bytes");
  return {
    line,
    source,
    wire: [command, ...args, ...attrs2 ? [attrs2] : []].join(" "),
    kind: "qtest",
    command,
    attrs: attrs2,
    expect: op && expected ? expectation(spec2.answer, op, expected, mask) : void 0,
    untilMs
  };
}
function expectation(answer, op, expected, mask) {
  if (expected === "ERR") {
    if (op !== "==" || mask) throw new WordProblem("only `== ERR` expects a failure", expected);
    return { kind: "error" };
  }
  if (mask !== void 0 && answer !== "value") throw new WordProblem("a mask (`& MASK`) applies to commands that answer a value", mask);
  switch (answer) {
    case "value":
      if (!NUMBER.test(expected)) throw new WordProblem(`expected value \`${expected}\` is not a number`, expected, "write it in hex (`0x51`) or decimal");
      if (mask !== void 0 && !NUMBER.test(mask)) throw new WordProblem(`mask \`${mask}\` is not a number`, mask, "write it in hex, like `& 0xff`");
      return { kind: "value", op, value: BigInt(expected), mask: mask === void 0 ? void 0 : BigInt(mask), text: expected };
    case "data":
      if (!/^0x([0-9a-fA-F]{2})+$/.test(expected))
        throw new WordProblem(`expected data \`${expected}\` is not hex bytes`, expected, "`read` answers bytes in order, like `0x51454d55`");
      return { kind: "data", op, data: expected.toLowerCase(), text: expected };
    case "text":
      return { kind: "text", op, word: expected, text: expected };
    case "ok":
      throw new WordProblem("this command answers only OK: expect nothing, or `== ERR`", expected);
  }
}
function scriptError(message, file, line, sourceLine, column, hint) {
  return new ConfigError(message, { location: { file, line, column, sourceLine }, hint: hint ?? SCRIPT_HINT });
}

// src/qtest/qtest-pipeline.ts
var COMMAND_TIMEOUT_MS = 1e4;
async function runQtestPipeline(options, host) {
  const config = await resolveInputs(options, host.log, { needsCommand: false, purpose: "qtest" });
  const scripts = config.qtest.scripts.map(readQtestScript);
  checkScriptNames(scripts);
  const plan = makePlan(config, void 0, { qtest: true });
  checkDeviceDrives(config, plan);
  const names = [
    ...scripts.flatMap((s) => Object.values(qtestFileNames(s))),
    REPORT_FILES.junit,
    REPORT_FILES.summaryJson,
    REPORT_FILES.summaryMarkdown,
    RESULTS_FILES.blkdebug
  ];
  const folder = claimResultsFolder(config.report.dir, names, { mode: "qtest", location: sourceOf(config, "results-dir") });
  const privateDir = makePrivateDir();
  try {
    const qemu = await host.log.group("QEMU with the qtest accelerator", () => provisionQtestQemu(plan, host, options.signal));
    const disks = await provisionDisks(plan.host.disks, qemu.binary, privateDir, options.signal);
    const results = [];
    for (const script of scripts) {
      const result = await host.log.group(
        `qtest ${script.name}`,
        () => runQtestScript(script, {
          plan,
          machine: { qemuBinary: qemu.binary, firmwareDirs: qemu.firmwareDirs, devices: config.qtest.devices, disks },
          resultsDir: config.report.dir,
          privateDir,
          log: host.log,
          commandTimeoutMs: COMMAND_TIMEOUT_MS,
          scriptTimeoutMs: config.test.testTimeoutMs,
          ...options.signal ? { signal: options.signal } : {}
        })
      );
      for (const section of result.sections)
        host.log.info(
          `  [${section.name}] ${section.status}${section.failure ? `: line ${section.failure.line} ${section.failure.source} answered ${section.failure.actual}` : section.error ? `: ${section.error}` : ""}`
        );
      results.push(result);
    }
    const { verdict, reason } = qtestVerdict(results);
    const outcome = {
      name: config.name,
      verdict,
      reason,
      scripts: results,
      qemu: { binary: qemu.binary, version: qemu.version, origin: qemu.origin },
      machineType: plan.machineType
    };
    return { config, outcome, reports: writeQtestReports(outcome, config.report.dir) };
  } finally {
    rmSync7(privateDir, { recursive: true, force: true });
    folder.release();
  }
}
function checkScriptNames(scripts) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of scripts) {
    const other = seen.get(s.name);
    if (other)
      throw new ConfigError(`qtest scripts ${other} and ${s.file} have the same name ${s.name}`, {
        location: { input: "qtest-script" },
        hint: "rename one: the name is the JUnit suite and the log file name"
      });
    seen.set(s.name, s.file);
  }
}
function checkDeviceDrives(config, plan) {
  const nodes = plan.host.disks.map((d) => d.formatNode);
  for (const device of config.qtest.devices) {
    const drive = /(?:^|,)drive=([^,]+)/.exec(device)?.[1];
    if (drive !== void 0 && !nodes.includes(drive)) {
      throw new ConfigError(`device \`${device}\` uses drive ${drive}, which is not a disk of this run`, {
        location: sourceOf(config, "qtest-devices"),
        hint: nodes.length ? `the disks' block nodes are ${nodes.join(", ")} (qfi-<disk id>)` : "add the disk to disks (`id=data size=1M`) and refer to it as drive=qfi-data"
      });
    }
  }
}
async function provisionQtestQemu(plan, host, signal) {
  const fallback = plan.qemuFallback;
  let qemu = await provisionQemu(plan, host, signal).catch((err) => {
    if (!fallback) throw err;
    host.log.info(`no system QEMU to use (${err.message})`);
    return void 0;
  });
  let probe2 = qemu ? await probeQtestAccel(qemu.binary, signal) : { ok: false, reason: "no system QEMU" };
  if (!probe2.ok && fallback) {
    if (qemu) host.log.info(`the system QEMU (${qemu.binary}) has no qtest accelerator (${probe2.reason}); building QEMU, which keeps it`);
    qemu = await provisionQemu({ ...plan, qemu: fallback }, host, signal);
    probe2 = await probeQtestAccel(qemu.binary, signal);
  }
  if (!qemu) throw new Error("internal: no QEMU provisioned");
  const version = await readQemuVersion(qemu.binary);
  if (!probe2.ok) {
    throw new InfraError(`QEMU ${version} at ${qemu.binary} has no qtest accelerator: ${probe2.reason}`, {
      hint: "distribution packages often leave it out (Debian's do); use qemu: auto or build (qfi builds QEMU with it), or point qemu at a QEMU built with qtest"
    });
  }
  host.log.info(`QEMU ${version} (${qemu.origin}) with the qtest accelerator: ${qemu.binary}`);
  return { binary: qemu.binary, version, origin: qemu.origin, firmwareDirs: firmwareDirsFor(qemu) };
}

// src/reproduce/reproduce.ts
import { existsSync as existsSync31, readFileSync as readFileSync23, writeFileSync as writeFileSync9 } from "node:fs";
import { dirname as dirname15, join as join45, relative as relative8, resolve as resolve11, sep as sep3 } from "node:path";

// src/reproduce/compare-runs.ts
function compareRuns(original, rerun) {
  const o2 = original.summary;
  const r = rerun.summary;
  const onlyOriginal = multisetMinus(original.injections, rerun.injections);
  const onlyRerun = multisetMinus(rerun.injections, original.injections);
  const points = pointDifferences(o2.points ?? [], r.points ?? []);
  const verdictMatched = o2.verdict === r.verdict;
  const injectionsMatched = onlyOriginal.length === 0 && onlyRerun.length === 0;
  const qemu = (s) => `QEMU ${s.qemu.version} (${qemuOrigin(s.qemu.origin)})`;
  const guest = guestDifferences(o2.guest ?? void 0, r.guest ?? void 0);
  return {
    matched: verdictMatched && injectionsMatched && points.length === 0,
    verdict: { matched: verdictMatched, original: o2.verdict, rerun: r.verdict, originalReason: o2.reason, rerunReason: r.reason },
    injections: { matched: injectionsMatched, original: original.injections.length, rerun: rerun.injections.length, onlyOriginal, onlyRerun },
    points: {
      matched: points.length === 0,
      differences: points,
      summary: (r.points ?? []).map((p) => `${p.name} ${p.calls === void 0 ? "registered" : `${p.fails ?? 0} of ${p.calls} call(s) failed`}`)
    },
    setup: {
      rules: { matched: sameList(o2.faults.rules, r.faults.rules), original: o2.faults.rules, rerun: r.faults.rules },
      seed: { matched: o2.faults.seed === r.faults.seed, original: o2.faults.seed, rerun: r.faults.seed },
      qemu: { matched: qemu(o2) === qemu(r), original: qemu(o2), rerun: qemu(r) },
      guest: { matched: guest.length === 0, differences: guest }
    }
  };
}
function qemuOrigin(origin) {
  return ["built", "local-cache", "remote-cache"].includes(origin) ? "built by qfi" : origin;
}
function describeComparison(c3) {
  const lines = [];
  const v = c3.verdict;
  lines.push(
    v.matched ? `verdict: matched (${v.rerun}: ${v.rerunReason})` : `verdict: differed: the original was ${v.original} (${v.originalReason}), the replay ${v.rerun} (${v.rerunReason})`
  );
  const i2 = c3.injections;
  const guestPoints2 = c3.points.summary.length ? `; guest points: ${c3.points.summary.join(", ")}` : "";
  if (i2.matched && c3.points.matched) lines.push(`injections: matched (${i2.rerun} by host or plugin rules${guestPoints2})`);
  else {
    lines.push("injections: differed");
    if (i2.matched) lines.push(`  host and plugin rules: matched (${i2.rerun})`);
    else {
      lines.push(`  host and plugin rules: ${i2.original} in the original, ${i2.rerun} in the replay`);
      if (i2.onlyOriginal.length) lines.push(`  only in the original: ${examples(i2.onlyOriginal)}`);
      if (i2.onlyRerun.length) lines.push(`  only in the replay: ${examples(i2.onlyRerun)}`);
    }
    if (!c3.points.matched) lines.push(`  guest points: ${c3.points.differences.join("; ")}`);
  }
  const warnings = [];
  const s = c3.setup;
  if (!s.rules.matched) warnings.push(`the replay's rules differ: original [${s.rules.original.join(" ")}], replay [${s.rules.rerun.join(" ")}]`);
  if (!s.seed.matched) warnings.push(`the replay's seed differs: original ${s.seed.original}, replay ${s.seed.rerun}`);
  if (!s.qemu.matched) warnings.push(`the replay ran ${s.qemu.rerun}, the original ${s.qemu.original}: QEMU's behaviour may differ between versions`);
  if (!s.guest.matched) warnings.push(`the replay's guest differs from the original's: ${s.guest.differences.join("; ")}`);
  lines.push(
    `qfi reproduce: ${c3.matched ? "matched" : "differed"} \u2014 the verdict and the injections ${c3.matched ? "are the same as in the original" : "are not the same as in the original"}`
  );
  return { lines, warnings };
}
function examples(keys) {
  const shown = keys.slice(0, 5).join("; ");
  return keys.length > 5 ? `${shown}; and ${keys.length - 5} more` : shown;
}
function multisetMinus(a2, b) {
  const left = /* @__PURE__ */ new Map();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a2.filter((key) => {
    const n2 = left.get(key) ?? 0;
    if (n2 > 0) left.set(key, n2 - 1);
    return n2 === 0;
  });
}
function pointDifferences(original, rerun) {
  const text = (p) => p === void 0 ? "not reported" : p.calls === void 0 ? "registered only" : `${p.calls} call(s), ${p.fails ?? 0} failed`;
  const names = [...new Set([...original, ...rerun].map((p) => p.name))];
  return names.flatMap((name) => {
    const a2 = text(original.find((p) => p.name === name));
    const b = text(rerun.find((p) => p.name === name));
    return a2 === b ? [] : [`${name}: ${a2} in the original, ${b} in the replay`];
  });
}
function guestDifferences(original, rerun) {
  if (original === void 0 && rerun === void 0) return [];
  if (original === void 0 || rerun === void 0) return [`the built-in guest ran only in the ${original ? "original" : "replay"}`];
  const fields = [
    ["arch", (g) => g.arch],
    ["kernel package", (g) => g.kernel && `${g.kernel.package} ${g.kernel.version} (deb sha256 ${g.kernel.debSha256})`],
    ["busybox package", (g) => g.busybox && `${g.busybox.package} ${g.busybox.version} (deb sha256 ${g.busybox.debSha256})`],
    ["kernel sha256", (g) => g.kernelSha256],
    ["initramfs sha256", (g) => g.initrdSha256]
  ];
  return fields.flatMap(
    ([what, get]) => get(original) === get(rerun) ? [] : [`${what}: ${get(original) ?? "none"} in the original, ${get(rerun) ?? "none"} in the replay`]
  );
}
function sameList(a2, b) {
  return a2.length === b.length && a2.every((x, i2) => x === b[i2]);
}

// src/reproduce/open-results.ts
import { closeSync as closeSync6, existsSync as existsSync29, mkdirSync as mkdirSync9, openSync as openSync6, readSync as readSync4, readdirSync as readdirSync8, rmSync as rmSync8, statSync as statSync15, writeFileSync as writeFileSync8 } from "node:fs";
import { basename as basename9, dirname as dirname14, isAbsolute as isAbsolute7, join as join42, normalize as normalize2, relative as relative7, sep as sep2 } from "node:path";

// src/reproduce/find-run.ts
var MANIFEST = REPRODUCE_FILES.manifest;
function findRun(names, opts) {
  const manifests = names.filter((n2) => n2 === MANIFEST || n2.endsWith(`/${MANIFEST}`)).map((n2) => n2.slice(0, -MANIFEST.length));
  const tops = /* @__PURE__ */ new Set(["", ...manifests.filter((p) => /^[^/]+\/$/.test(p))]);
  const scenarios = manifests.flatMap((p) => {
    const m = /^((?:[^/]+\/)?)scenarios\/([^/]+)\/$/.exec(p);
    return m && (m[1] === "" || !manifests.includes(m[1])) ? [{ id: m[2], prefix: p }] : [];
  });
  if (opts.scenario !== void 0) {
    const found = scenarios.find((s) => s.id === opts.scenario);
    if (found) return found.prefix;
    if (scenarios.length === 0) {
      throw new UsageError(`--scenario ${opts.scenario}: ${opts.label} is not a campaign's results (it has no scenarios/<id>/${MANIFEST})`, {
        hint: "leave --scenario out to reproduce the run in it"
      });
    }
    const guess = closestMatch(
      opts.scenario,
      scenarios.map((s) => s.id)
    );
    throw new UsageError(`${opts.label} has no scenario \`${opts.scenario}\``, {
      hint: `${guess ? `did you mean \`${guess}\`? ` : ""}${scenarioList(scenarios.map((s) => s.id))}`
    });
  }
  const runs = manifests.filter((p) => tops.has(p));
  if (runs.includes("")) return "";
  if (scenarios.length > 0) {
    throw new UsageError(`${opts.label} holds a campaign's results: say which scenario to reproduce`, {
      hint: `add --scenario ID; ${scenarioList(scenarios.map((s) => s.id))}`
    });
  }
  if (runs.length === 1) return runs[0];
  if (runs.length > 1)
    throw new UsageError(`${opts.label} holds the results of ${runs.length} runs (${runs.join(", ")})`, { hint: "give one of these folders" });
  const older = names.some((n2) => n2 === REPORT_FILES.summaryJson || n2.endsWith(`/${REPORT_FILES.summaryJson}`) && n2.split("/").length === 2);
  throw new UsageError(`${opts.label} has no ${MANIFEST}: it is not the results folder of a qfi run`, {
    hint: older ? `its summary.json is from a qfi without \`qfi reproduce\`; run its scenario again with \`qfi run\` (the flags are in its reproducer.sh)` : names.includes(REPORT_FILES.campaign) ? "a snapshot campaign's trials are repeated by the campaign: use the trial's `reproducer` line in campaign.json" : "give the folder a qfi run wrote (qfi-results/ by default), or the artifact zip downloaded from GitHub"
  });
}
function scenarioList(ids) {
  return `the ${ids.length} scenario(s): ${ids.slice(0, 8).join(", ")}${ids.length > 8 ? ", \u2026" : ""}`;
}

// src/reproduce/read-zip.ts
import * as zlib2 from "node:zlib";
var ZipFormatError = class extends Error {
};
var EOCD = 101010256;
var ZIP64_EOCD = 101075792;
var ZIP64_LOCATOR = 117853008;
var CENTRAL_HEADER = 33639248;
var LOCAL_HEADER = 67324752;
var ZIP64_EXTRA = 1;
function readZip(zip) {
  return asFormatError(() => readCentralDirectory(zip));
}
function asFormatError(fn) {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new ZipFormatError(`a record of the archive is damaged (${err.message})`);
    throw err;
  }
}
function readCentralDirectory(zip) {
  const end = findEndOfCentralDirectory(zip);
  let count2 = zip.readUInt16LE(end + 10);
  let size = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  if (count2 === 65535 || size === 4294967295 || offset === 4294967295) ({ count: count2, size, offset } = readZip64End(zip, end));
  if (offset + size > zip.length)
    throw new ZipFormatError(`the central directory (${size} bytes at ${offset}) lies past the end of the archive (${zip.length} bytes): the file is cut off`);
  const entries = [];
  let at = offset;
  for (let i2 = 0; i2 < count2; i2++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new ZipFormatError(`entry ${i2 + 1} of ${count2} in the central directory is damaged (at byte ${at})`);
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const name = zip.toString(flags & 2048 ? "utf8" : "latin1", at + 46, at + 46 + nameLength);
    const sizes = zip64Sizes(zip.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      compressed: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42)
    });
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name} uses compression method ${method}; only stored (0) and deflate (8) are read`);
    entries.push({ name, size: sizes.size, read: () => asFormatError(() => readEntry(zip, name, method, crc, sizes)) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
function findEndOfCentralDirectory(zip) {
  const lowest = Math.max(0, zip.length - 22 - 65535);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD && at + 22 + zip.readUInt16LE(at + 20) === zip.length) return at;
  }
  throw new ZipFormatError(
    zip.length < 22 ? `the file is ${zip.length} bytes, too short for a zip` : "no end-of-central-directory record: not a zip archive, or cut off"
  );
}
function readZip64End(zip, end) {
  const locator = end - 20;
  if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError("the archive needs zip64 but has no zip64 locator");
  const record2 = Number(zip.readBigUInt64LE(locator + 8));
  if (record2 + 56 > zip.length || zip.readUInt32LE(record2) !== ZIP64_EOCD)
    throw new ZipFormatError(`no zip64 end-of-central-directory record at byte ${record2}`);
  return { count: Number(zip.readBigUInt64LE(record2 + 32)), size: Number(zip.readBigUInt64LE(record2 + 40)), offset: Number(zip.readBigUInt64LE(record2 + 48)) };
}
function zip64Sizes(extra, sizes) {
  const out = { ...sizes };
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA) {
      let field2 = at + 4;
      const next = () => {
        const value = Number(extra.readBigUInt64LE(field2));
        field2 += 8;
        return value;
      };
      if (sizes.size === 4294967295) out.size = next();
      if (sizes.compressed === 4294967295) out.compressed = next();
      if (sizes.offset === 4294967295) out.offset = next();
    }
    at += 4 + length;
  }
  return out;
}
function readEntry(zip, name, method, crc, sizes) {
  const local = sizes.offset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipFormatError(`${name}: no local header at byte ${local}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + sizes.compressed > zip.length) throw new ZipFormatError(`${name}: its data lies past the end of the archive: the file is cut off`);
  const stored = zip.subarray(start, start + sizes.compressed);
  let data;
  try {
    data = method === 8 ? zlib2.inflateRawSync(stored) : Buffer.from(stored);
  } catch (err) {
    throw new ZipFormatError(`${name}: cannot be inflated (${err.message})`);
  }
  if (data.length !== sizes.size) throw new ZipFormatError(`${name}: ${data.length} bytes inflated, the directory says ${sizes.size}`);
  if (typeof zlib2.crc32 === "function" && zlib2.crc32(data) !== crc) throw new ZipFormatError(`${name}: CRC-32 mismatch: the archive is damaged`);
  return data;
}

// src/reproduce/open-results.ts
var UNPACKED_ORIGINAL = "original";
function resultsSource(path6) {
  if (!existsSync29(path6))
    throw new UsageError(`${path6} does not exist`, { hint: "give the results folder of a qfi run, or the artifact zip downloaded from GitHub" });
  if (statSync15(path6).isDirectory()) return { kind: "folder", path: path6 };
  if (isZip(path6)) return { kind: "zip", path: path6 };
  throw new UsageError(`${path6} is neither a folder nor a zip archive`, {
    hint: "give the results folder of a qfi run, or the artifact zip downloaded from GitHub"
  });
}
function isZip(path6) {
  const head = Buffer.alloc(4);
  const fd = openSync6(path6, "r");
  try {
    if (readSync4(fd, head, 0, 4, 0) < 4) return false;
  } finally {
    closeSync6(fd);
  }
  return head.readUInt32LE(0) === 67324752 || head.readUInt32LE(0) === 101010256;
}
function reproducedName(path6, scenario) {
  const stem = basename9(path6).replace(/\.zip$/i, "");
  return `${stem}${scenario ? `-${scenario}` : ""}-reproduced`;
}
function openResults(source, opts) {
  if (source.kind === "folder") {
    const prefix = findRun(listResultFiles(source.path), { scenario: opts.scenario, label: source.path });
    return { dir: join42(source.path, prefix), label: prefix ? join42(source.path, prefix) : source.path, unpacked: false };
  }
  const label = basename9(source.path);
  try {
    const zip = readInputFile({ path: source.path, displayPath: source.path, what: "results zip", maxBytes: 2 * 1024 ** 3 - 1 });
    return unpackRun(readZip(zip), label, opts);
  } catch (err) {
    if (err instanceof ZipFormatError)
      throw new UsageError(`${source.path}: ${err.message}`, { hint: "download the artifact again; a zip cut off mid-download cannot be read" });
    throw err;
  }
}
function unpackRun(entries, label, opts) {
  const prefix = findRun(
    entries.map((e) => e.name),
    { scenario: opts.scenario, label }
  );
  const dest = join42(opts.resultsDir, UNPACKED_ORIGINAL);
  rmSync8(dest, { recursive: true, force: true });
  mkdirSync9(dest, { recursive: true });
  for (const entry of entries) {
    if (!entry.name.startsWith(prefix) || entry.name.endsWith("/")) continue;
    const name = entry.name.slice(prefix.length);
    const target = join42(dest, normalize2(name));
    const rel = relative7(dest, target);
    if (isAbsolute7(name) || rel.startsWith(`..${sep2}`) || rel === ".." || isAbsolute7(rel))
      throw new UsageError(`${label}: entry ${entry.name} points outside the archive's folder`, {
        hint: "this zip was not written by GitHub's artifact upload; unpack it yourself and give the folder"
      });
    mkdirSync9(dirname14(target), { recursive: true });
    writeFileSync8(target, entry.read());
  }
  return { dir: dest, label: prefix ? `${label}: ${prefix}` : label, unpacked: true };
}
function listResultFiles(root, prefix = "", depth = 0) {
  const out = [];
  for (const entry of readdirSync8(join42(root, prefix), { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory() && depth < 3) out.push(...listResultFiles(root, `${name}/`, depth + 1));
    else if (entry.isFile() && /^(reproduce|summary|campaign)\.json$/.test(entry.name)) out.push(name);
  }
  return out;
}

// src/reproduce/plan-rerun.ts
import { join as join43, resolve as resolve10 } from "node:path";
var GUEST_PIN_INPUT = "guest-pin";
var NOT_OVERRIDABLE = ["config"];
function planRerun(opts) {
  const { manifest, summary, overrides } = opts;
  for (const name of Object.keys(overrides)) {
    const spec2 = INPUTS.find((s) => s.name === name);
    if (NOT_OVERRIDABLE.includes(name) || spec2 && "scope" in spec2 && spec2.scope === "campaign") {
      throw new UsageError(`--${name} cannot be given to qfi reproduce`, {
        hint: name === "config" ? "a replay reads the config the run copied into its results folder; to run another config, use qfi run" : "qfi reproduce reruns one scenario; --scenario picks it from a campaign's results"
      });
    }
  }
  const notes = [];
  const warnings = [];
  const inputs = { ...manifest.inputs };
  let configBaseDir;
  if (manifest.config) {
    inputs.config = join43(opts.recordDir, manifest.config.copy);
    configBaseDir = resolve10(opts.cwd, manifest.config.baseDir);
    notes.push(`config: ${manifest.config.file} as the run read it (its copy ${manifest.config.copy}); its relative paths resolve from ${configBaseDir}`);
  }
  if (manifest.rulesFile) {
    inputs["rules-file"] = join43(opts.recordDir, manifest.rulesFile.copy);
    notes.push(`rules file: ${manifest.rulesFile.file} as the run read it (its copy ${manifest.rulesFile.copy})`);
  }
  inputs.seed = String(manifest.seed);
  inputs.name = manifest.scenario;
  if (summary) Object.assign(inputs, qemuInputs(manifest, summary, notes));
  if (summary?.guest?.pin) {
    if (isInputName(GUEST_PIN_INPUT)) {
      inputs[GUEST_PIN_INPUT] = summary.guest.pin;
      notes.push(
        `guest: pinned to the original's (${summary.guest.kernel?.package ?? "kernel"} ${summary.guest.kernel?.version ?? ""}, ${summary.guest.busybox?.package ?? "busybox"} ${summary.guest.busybox?.version ?? ""})`
      );
    } else warnings.push("the original recorded its built-in guest by pin, but this qfi cannot boot a pinned guest: the guest may differ");
  }
  const extraFaults = overrides.faults === void 0 ? [] : typeof overrides.faults === "string" ? [overrides.faults] : overrides.faults;
  Object.assign(inputs, overrides);
  if (extraFaults.length) inputs.faults = [...asLines(manifest.inputs.faults), ...extraFaults];
  inputs["results-dir"] = opts.resultsDir;
  if (!summary)
    warnings.push(
      "the original has no summary.json (it did not finish): QEMU and the guest are chosen as its config says, and there is nothing to compare with"
    );
  if (manifest.schema > REPRODUCE_SCHEMA_VERSION)
    warnings.push(
      `the run was recorded by qfi ${manifest.qfi} (reproduce.json schema ${manifest.schema}); this qfi reads schema ${REPRODUCE_SCHEMA_VERSION} and may miss some of it`
    );
  return { inputs, configBaseDir, notes, warnings };
}
function qemuInputs(manifest, summary, notes) {
  const { origin, version } = summary.qemu;
  if (origin === "system") {
    notes.push(`QEMU: this machine's system QEMU (the original ran the system's QEMU ${version})`);
    return { qemu: "system" };
  }
  if (["built", "local-cache", "remote-cache"].includes(origin)) {
    notes.push(`QEMU: ${version}, built by qfi as for the original (or taken from the cache)`);
    return { qemu: "build", "qemu-version": version };
  }
  notes.push(`QEMU: ${manifest.inputs.qemu ?? "as the config names it"} (the original ran QEMU ${version} from ${summary.qemu.argv[0] ?? "a given path"})`);
  return {};
}
function asLines(value) {
  return value === void 0 ? [] : typeof value === "string" ? [value] : value;
}

// src/reproduce/run-facts.ts
import { existsSync as existsSync30, readFileSync as readFileSync22 } from "node:fs";
import { join as join44 } from "node:path";
function readRunFacts(dir) {
  const file = reportFilesIn(dir).summaryJson;
  if (!existsSync30(file)) return void 0;
  let summary;
  try {
    summary = JSON.parse(readFileSync22(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${file} is not valid JSON (${err.message})`, { hint: "the results folder is damaged; download the artifact again" });
  }
  if (typeof summary.verdict !== "string" || !Array.isArray(summary.faults?.rules) || typeof summary.qemu?.version !== "string") {
    throw new UsageError(`${file} lacks verdict, faults or qemu: not a qfi run's summary`, { hint: "give the results folder of a qfi run" });
  }
  const icount = summary.qemu.argv.includes("-icount");
  return { summary, injections: readInjectionKeys(join44(dir, RESULTS_FILES.injections), icount), icount };
}
function readInjectionKeys(file, icount) {
  if (!existsSync30(file)) return [];
  const keys = [];
  for (const line of readFileSync22(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    try {
      keys.push(injectionKey(JSON.parse(line), icount));
    } catch {
      keys.push("unreadable line (a log cut off by a crash)");
    }
  }
  return keys.sort();
}
function injectionKey(entry, icount) {
  const parts = (names) => names.filter((n2) => entry[n2] !== void 0 && entry[n2] !== null).map((n2) => `${n2}=${String(entry[n2])}`);
  const failed2 = entry.error !== void 0 ? ["failed"] : [];
  if (typeof entry.layer === "string") {
    const rule = entry.rule === null ? "no rule (a host I/O error)" : String(entry.rule);
    if (entry.layer === "block") return [`block ${rule}`, ...parts(["disk", "op", "sector", "sectors", "request", "errno"]), ...failed2].join(" ");
    return [`${entry.layer} ${rule}`, ...parts(["point"]), ...failed2].join(" ");
  }
  return [
    `plugin ${String(entry.rule)}`,
    ...parts(["vcpu", "kind", "addr", "reg", "width"]),
    ...icount ? parts(["icount", "pc", "before", "after", "next"]) : [],
    ...failed2
  ].join(" ");
}

// src/reproduce/reproduce.ts
async function reproduceRun(options, host) {
  const source = resultsSource(resolve11(options.cwd, options.path));
  const { "results-dir": resultsDirFlag, ...overrides } = options.overrides;
  const resultsDir = resultsDirFlag === void 0 ? defaultResultsDir(source, options) : resolve11(options.cwd, String(resultsDirFlag));
  checkApart(source, resultsDir);
  const original = openResults(source, { scenario: options.scenario, resultsDir });
  const manifest = readManifest2(original);
  const originalFacts = readRunFacts(original.dir);
  const plan = planRerun({ manifest, summary: originalFacts?.summary, recordDir: original.dir, cwd: options.cwd, overrides, resultsDir });
  const when = originalFacts?.summary.startedAt ? ` on ${originalFacts.summary.startedAt}` : "";
  host.log.info(
    `reproducing scenario ${manifest.scenario} (seed ${manifest.seed}) from ${original.label}, run by qfi ${manifest.qfi}${when} in ${manifest.cwd}`
  );
  for (const note of plan.notes) host.log.info(`  ${note}`);
  for (const warning of plan.warnings) host.log.warn(warning);
  if (source.kind === "folder" && isInside(resolve11(options.cwd), source.path)) {
    host.log.warn(
      `the current folder is inside the results being reproduced: the run's relative paths resolve against it; run qfi reproduce (or reproducer.sh) from your checkout of the project`
    );
  }
  let rerun;
  try {
    rerun = await runPipeline(
      {
        inputs: plan.inputs,
        cwd: options.cwd,
        ...plan.configBaseDir ? { configBaseDir: plan.configBaseDir } : {},
        ...options.signal ? { signal: options.signal } : {},
        ...options.echoConsole ? { echoConsole: true } : {}
      },
      host
    );
  } catch (err) {
    throw withReplayHint(err, options.cwd);
  }
  const rerunFacts = readRunFacts(resultsDir);
  const comparison = originalFacts && rerunFacts ? compareRuns(originalFacts, rerunFacts) : void 0;
  const described = comparison ? describeComparison(comparison) : { lines: ["qfi reproduce: nothing to compare with (the original did not finish)"], warnings: [] };
  const comparisonFile = join45(resultsDir, REPRODUCE_FILES.comparison);
  writeFileSync9(
    comparisonFile,
    `${JSON.stringify({ original: original.label, originalDir: original.dir, replayDir: resultsDir, ...comparison ?? { matched: null } }, null, 2)}
`
  );
  return { original, rerun, comparison, lines: described.lines, warnings: described.warnings, comparisonFile };
}
function defaultResultsDir(source, options) {
  const name = reproducedName(source.path, options.scenario);
  const cwd = resolve11(options.cwd);
  return source.kind === "folder" && isInside(cwd, source.path) ? join45(dirname15(source.path), name) : join45(cwd, name);
}
function checkApart(source, resultsDir) {
  const clash = source.kind === "folder" ? isInside(resultsDir, source.path) : isInside(source.path, join45(resultsDir, UNPACKED_ORIGINAL));
  if (clash) {
    throw new UsageError(`the replay's results folder ${resultsDir} would overwrite the original ${source.path}`, {
      hint: "--results-dir must be a folder outside the results being reproduced (by default: <PATH>-reproduced in the current folder)"
    });
  }
}
function isInside(path6, folder) {
  const rel = relative8(folder, path6);
  return rel === "" || !rel.startsWith(`..${sep3}`) && rel !== ".." && !rel.startsWith(sep3) && !/^[A-Za-z]:/.test(rel);
}
function readManifest2(original) {
  const file = join45(original.dir, REPRODUCE_FILES.manifest);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync23(file, "utf8"));
  } catch (err) {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} is not valid JSON (${err.message})`, {
      hint: "the results are damaged; download the artifact again"
    });
  }
  if (typeof manifest.schema !== "number" || typeof manifest.seed !== "number" || typeof manifest.scenario !== "string" || typeof manifest.inputs !== "object") {
    throw new UsageError(`${original.label}: ${REPRODUCE_FILES.manifest} lacks schema, scenario, seed or inputs`, {
      hint: "the results are damaged; download the artifact again"
    });
  }
  for (const copy of [manifest.config?.copy, manifest.rulesFile?.copy]) {
    if (copy !== void 0 && !existsSync31(join45(original.dir, copy))) {
      throw new UsageError(`${original.label}: ${copy} is missing, though ${REPRODUCE_FILES.manifest} lists it`, {
        hint: "the results are incomplete; download the whole artifact again"
      });
    }
  }
  return manifest;
}
function withReplayHint(err, cwd) {
  if (!(err instanceof ConfigError)) return err;
  const hint = `qfi reproduce resolves the run's relative paths against the current folder (${resolve11(cwd)}), as CI did in its workspace: run it from the top of your checkout of the project, at the commit the run was made from`;
  return new ConfigError(err.message, {
    ...err.location ? { location: err.location } : {},
    hint: err.hint ? `${err.hint}
hint: ${hint}` : hint,
    cause: err
  });
}

// src/modes/modes.ts
var MODES = {
  run: { uploads: true, artifactPart: () => void 0, run: scenarioMode },
  reproduce: { uploads: false, artifactPart: () => void 0, run: reproduceMode },
  plan: { uploads: false, artifactPart: () => void 0, run: planMode },
  campaign: { uploads: true, artifactPart: (c3) => campaignPart(c3, "campaign"), run: (o2, h2) => campaignMode("campaign", o2, h2) },
  merge: { uploads: true, artifactPart: (c3) => campaignPart(c3, "merge"), run: (o2, h2) => campaignMode("merge", o2, h2) },
  qtest: { uploads: true, artifactPart: () => "qtest", run: qtestMode }
};
function runMode(mode, options, host) {
  sweepStaleRuns(host.log);
  return MODES[mode].run(options, host);
}
function actionMode(text) {
  const value = (text ?? "").trim() || "run";
  if (ACTION_MODES.includes(value)) return value;
  const near = closestMatch(value, ACTION_MODES);
  throw new ConfigError(`unknown mode ${JSON.stringify(value)}`, {
    location: { input: "mode" },
    hint: `${near ? `did you mean \`${near}\`? ` : ""}mode is one of ${ACTION_MODES.join(", ")}`
  });
}
function campaignPart(config, mode) {
  const { shard, scenario } = config.campaign;
  return shard ? `shard-${shard.index}-of-${shard.count}` : scenario ?? mode;
}
function resultsLine(options, dir, files) {
  return `results: ${relative9(options.cwd, dir) || "."}/ \u2014 ${files.join(", ")}`;
}
function verdictLine(prefix, run) {
  const r = run.record;
  const seconds5 = (ms) => `${(ms / 1e3).toFixed(2)} s`;
  const times = [
    r.bootMs !== void 0 ? `boot ${seconds5(r.bootMs)}` : "",
    r.testMs !== void 0 ? `test ${seconds5(r.testMs)}` : "",
    `wall ${seconds5(r.wallMs)}`
  ].filter(Boolean).join(", ");
  return `${prefix}: ${run.verdict} \u2014 ${run.reason} (${times})`;
}
function verdictResult(mode, config, files) {
  return {
    mode,
    config,
    resultsDir: config.report.dir,
    failOnVerdict: config.report.failOnVerdict,
    junit: files.junit,
    summaryFile: files.summary,
    summaryMarkdown: readFileSync24(files.summary, "utf8"),
    problem: void 0
  };
}
async function scenarioMode(options, host) {
  const { config, run, reports } = await runPipeline(options, host);
  const lines = [
    verdictLine("qfi", run),
    resultsLine(options, config.report.dir, [
      relative9(config.report.dir, reports.junit),
      RESULTS_FILES.console,
      REPORT_FILES.summaryMarkdown,
      REPORT_FILES.reproducer
    ])
  ];
  const at = run.plan.sources.command ?? run.plan.sources.main;
  return {
    ...verdictResult("run", config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: run.scenario,
    verdict: run.verdict,
    reason: run.reason,
    lines,
    at,
    run
  };
}
async function reproduceMode(options, host) {
  if (!options.replay) throw new Error("mode reproduce needs the results to replay");
  const result = await reproduceRun(
    {
      ...options.replay,
      overrides: options.inputs,
      cwd: options.cwd,
      ...options.signal ? { signal: options.signal } : {},
      ...options.echoConsole ? { echoConsole: true } : {}
    },
    host
  );
  const { config, run, reports } = result.rerun;
  for (const warning of result.warnings) host.log.warn(warning);
  const dir = config.report.dir;
  const unpacked = result.original.unpacked ? [`${relative9(dir, result.original.dir)}/ (the run, unpacked from the zip)`] : [];
  const lines = [
    verdictLine("qfi reproduce: replay", run),
    ...result.lines,
    resultsLine(options, dir, [relative9(dir, result.comparisonFile), REPORT_FILES.junit, RESULTS_FILES.console, REPORT_FILES.summaryMarkdown, ...unpacked])
  ];
  return {
    ...verdictResult("reproduce", config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: `reproduce ${run.scenario}`,
    verdict: run.verdict,
    reason: run.reason,
    lines,
    at: run.plan.sources.command ?? run.plan.sources.main,
    run
  };
}
async function planMode(options, host) {
  const { config, plan, matrix, planFile } = await planCampaign(options, host);
  const probeFailed = plan.probe !== void 0 && plan.probe.verdict !== "pass";
  const jobs = `${plan.scenarios.length} scenario(s) in ${matrix.include.length} job(s)`;
  const markdown = [`## qfi plan ${plan.name}: ${jobs}`, "", `Kind \`${plan.kind}\`, seed ${plan.seed}.`, ...plan.notes.map((n2) => `- ${n2}`)];
  return {
    mode: "plan",
    title: `plan ${plan.name}`,
    verdict: probeFailed ? plan.probe.verdict : "pass",
    reason: probeFailed ? plan.probe.reason : `planned ${jobs}`,
    failOnVerdict: true,
    config,
    resultsDir: config.report.dir,
    junit: void 0,
    summaryFile: void 0,
    summaryMarkdown: `${markdown.join("\n")}
`,
    lines: [JSON.stringify(matrix)],
    problem: probeFailed ? `the probe run without faults did not pass (${plan.probe.verdict}: ${plan.probe.reason}); make the test pass without faults first` : void 0,
    at: void 0,
    campaignPlan: { matrix: JSON.stringify(matrix), planFile, scenarios: plan.scenarios.length }
  };
}
async function qtestMode(options, host) {
  const { config, outcome, reports } = await runQtestPipeline(options, host);
  const lines = [
    `qfi qtest: ${outcome.verdict} \u2014 ${outcome.reason}`,
    resultsLine(options, config.report.dir, [relative9(config.report.dir, reports.junit), REPORT_FILES.summaryMarkdown, "qtest-*.log"])
  ];
  return {
    ...verdictResult("qtest", config, { junit: reports.junit, summary: reports.summaryMarkdown }),
    title: `qtest ${outcome.name}`,
    verdict: outcome.verdict,
    reason: outcome.reason,
    lines,
    at: void 0
  };
}
async function campaignMode(mode, options, host) {
  const { config, report, files } = mode === "campaign" ? await runCampaign(options, host) : await mergeCampaigns(options, host);
  const lines = [
    `qfi ${mode}: ${report.verdict} \u2014 ${report.reason}`,
    resultsLine(options, config.report.dir, [relative9(config.report.dir, files.junit), REPORT_FILES.campaign, REPORT_FILES.summaryMarkdown, "scenarios/"])
  ];
  return {
    ...verdictResult(mode, config, { junit: files.junit, summary: files.markdown }),
    title: `${mode} ${report.name}`,
    verdict: report.verdict,
    reason: report.reason,
    lines,
    at: config.sources.main
  };
}

export {
  QfiError,
  UsageError,
  InfraError,
  ExitCode,
  exitCodeForError,
  formatLocation,
  printable,
  formatError,
  ACTION_MODES,
  INPUTS,
  QEMU_ARGS_SEPARATOR,
  RESULTS_FILES,
  REPORT_FILES,
  ktapSuites,
  renderJUnit,
  qfiVersion,
  unusedRuleWarning,
  totalTests,
  parseKtap,
  ktapCases,
  boundMarkdown,
  readKtapFile,
  MODES,
  runMode,
  actionMode
};
