// The Electron entry: composes the desktop shell. Everything with logic lives in plain modules.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { runDesktop } from './shell/app';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
void runDesktop(electron, outDir);
