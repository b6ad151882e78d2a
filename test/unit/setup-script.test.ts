import { describe, expect, it } from 'vitest';
import {
  aptCommands,
  debianRequirements,
  missingPackages,
  platformAdvice,
  type Requirement,
} from '../../scripts/system-packages.mjs';
import { countResults, needsBuild, summaryLine } from '../../scripts/test-plan.mjs';
import { cupsConfig } from '../../scripts/test-services.mjs';

describe('npm run setup: which system packages are missing', () => {
  const onlyThese =
    (...names: string[]) =>
    (requirement: Requirement) =>
      !names.includes(requirement.name);

  it('lists the packages whose file or command is absent, in the order they are declared', () => {
    expect(
      missingPackages(debianRequirements, onlyThese('chromium', 'libsecret-1-dev', 'cups')),
    ).toEqual(['libsecret-1-dev', 'cups', 'chromium']);
  });

  it('probes each package by a file or a command', () => {
    for (const requirement of debianRequirements) {
      expect(Boolean(requirement.file) !== Boolean(requirement.command), requirement.name).toBe(
        true,
      );
    }
  });

  it('covers what the station and its tests need on Debian', () => {
    expect(debianRequirements.map(({ name }) => name)).toEqual(
      expect.arrayContaining([
        'libsecret-1-dev',
        'gnome-keyring',
        'dbus-x11',
        'cups',
        'cups-bsd',
        'cups-client',
        'printer-driver-cups-pdf',
        'poppler-utils',
        'chromium',
        'fonts-dejavu-core',
      ]),
    );
  });

  it('updates apt once, then installs only the missing packages', () => {
    expect(aptCommands(['cups', 'chromium'], { root: true })).toEqual([
      ['apt-get', 'update', '-qq'],
      ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'cups', 'chromium'],
    ]);
  });

  it('goes through sudo when not root', () => {
    const commands = aptCommands(['cups'], { root: false });
    expect(commands.map((command) => command[0])).toEqual(['sudo', 'sudo']);
  });

  it('runs nothing when nothing is missing', () => {
    expect(aptCommands([], { root: true })).toEqual([]);
  });
});

describe('npm run setup: what it says on other platforms', () => {
  it('installs itself on Debian and Ubuntu, so it has nothing to advise there', () => {
    expect(platformAdvice('linux', { hasApt: true })).toBeNull();
  });

  it('tells macOS what to install and where the tests run', () => {
    const advice = platformAdvice('darwin', { hasApt: false })?.join('\n') ?? '';
    expect(advice).toContain('xcode-select --install');
    expect(advice).toContain('Debian 12 container or VM');
  });

  it('tells Windows what to install and where the tests run', () => {
    const advice = platformAdvice('win32', { hasApt: false })?.join('\n') ?? '';
    expect(advice).toContain('Tools for Native Modules');
    expect(advice).toContain('WSL 2');
  });

  it('lists the Debian packages for a Linux without apt', () => {
    const advice = platformAdvice('linux', { hasApt: false }) ?? [];
    for (const { name } of debianRequirements) {
      expect(advice.some((line) => line.trim().startsWith(name))).toBe(true);
    }
  });
});

describe('npm test: whether to build first', () => {
  it('builds for a whole run, and for the e2e and chaos projects', () => {
    expect(needsBuild([])).toBe(true);
    expect(needsBuild(['--project', 'e2e'])).toBe(true);
    expect(needsBuild(['--project=chaos'])).toBe(true);
    expect(needsBuild(['test/e2e/scan.test.ts'])).toBe(true);
  });

  it('does not build for unit or integration tests alone', () => {
    expect(needsBuild(['--project', 'unit'])).toBe(false);
    expect(needsBuild(['--project', 'unit', '--project', 'integration'])).toBe(false);
    expect(needsBuild(['test/integration/cups.test.ts'])).toBe(false);
  });
});

describe('npm test: the closing line CI reads', () => {
  it('counts passed and failed tests from vitest', () => {
    const counts = countResults({ numPassedTests: 7, numFailedTests: 2 }, 1);
    expect(summaryLine(counts)).toBe('7 passed, 2 failed');
  });

  it('counts a suite that failed to load as a failure', () => {
    const report = {
      numPassedTests: 3,
      numFailedTests: 0,
      testResults: [
        { status: 'failed', assertionResults: [] },
        { status: 'passed', assertionResults: [{}] },
      ],
    };
    expect(countResults(report, 1)).toEqual({ passed: 3, failed: 1 });
  });

  it('counts a failed run with no report, or none failed in it, as one failure', () => {
    expect(countResults(null, 1)).toEqual({ passed: 0, failed: 1 });
    expect(countResults({ numPassedTests: 4, numFailedTests: 0 }, 1)).toEqual({
      passed: 4,
      failed: 1,
    });
  });

  it('says all passed when vitest did', () => {
    expect(countResults({ numPassedTests: 4, numFailedTests: 0 }, 0)).toEqual({
      passed: 4,
      failed: 0,
    });
  });
});

describe('npm test: its own CUPS', () => {
  it('listens on loopback only, at the given port, and keeps its files in its folder', () => {
    const config = cupsConfig('/tmp/x', 16310);
    expect(config['cupsd.conf']).toContain('Listen 127.0.0.1:16310');
    expect(config['cupsd.conf']).not.toMatch(/Listen (?!127\.0\.0\.1|\/tmp\/x)/);
    for (const line of config['cups-files.conf']
      .split('\n')
      .filter((l) => /Root|Dir|Log/.test(l))) {
      expect(line).toContain('/tmp/x');
    }
  });
});
