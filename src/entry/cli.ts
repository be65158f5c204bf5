#!/usr/bin/env node
import { runCli } from '../adapters/cli/run-cli.js';
import { qfiVersion } from '../core/version.js';

process.exitCode = await runCli(process.argv.slice(2), qfiVersion);
