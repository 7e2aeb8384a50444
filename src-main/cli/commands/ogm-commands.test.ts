import { describe, expect, it } from 'vitest';
import { runOgmCheck } from './ogm-check.js';
import { runOgmNew } from './ogm-new.js';

describe('runOgmNew', () => {
  it('prints the OGM of 10 digits (97 when the rest is 0)', () => {
    expect(runOgmNew('1234567890')).toEqual({ stdout: '+++123/4567/89002+++\n', stderr: '', exitCode: 0 });
    expect(runOgmNew('0000000097')).toMatchObject({ stdout: '+++000/0000/09797+++\n' });
    expect(JSON.parse(runOgmNew('1234567890', true).stdout)).toEqual({ ogm: '+++123/4567/89002+++', digits: '123456789002' });
  });

  it('refuses anything but 10 digits, exit 2', () => {
    for (const bad of ['12345', '12345678901', '123456789a', '']) {
      expect(runOgmNew(bad)).toEqual({ stdout: '', exitCode: 2, stderr: `"${bad}" is not a base number: an OGM is made from exactly 10 digits, e.g. 1234567890.\n` });
    }
  });
});

describe('runOgmCheck', () => {
  it('a valid OGM in any usual writing: its normalized form, exit 0', () => {
    for (const ok of ['+++123/4567/89002+++', '***123/4567/89002***', '123456789002', '123 4567 89002', '123.4567.89002']) {
      expect(runOgmCheck(ok)).toEqual({ stdout: '+++123/4567/89002+++\n', stderr: '', exitCode: 0 });
    }
  });

  it('says why it is invalid: the format or the check digits, exit 2', () => {
    expect(runOgmCheck('+++123/4567/8900+++')).toEqual({
      stdout: '', exitCode: 2, stderr: 'invalid format: "+++123/4567/8900+++" is not a structured communication — it has 12 digits, written +++ddd/dddd/dddcc+++.\n',
    });
    expect(runOgmCheck('+++123/4567/89003+++')).toEqual({
      stdout: '', exitCode: 2, stderr: 'wrong check digits: "+++123/4567/89003+++" ends in 03, but 1234567890 mod 97 gives 02 (+++123/4567/89002+++).\n',
    });
  });
});
