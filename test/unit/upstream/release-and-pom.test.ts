import { describe, expect, it } from 'vitest';
import { UserError } from '../../../lib/cli/errors';
import { loadPin, normalizeRelease } from '../../../lib/upstream';
import { modulesOfPom } from '../../../lib/upstream/maven';

describe('normalizeRelease', () => {
  const pin = loadPin();

  it.each(['5.3.2', 'rocketmq-all-5.3.2', 'v5.3.2'])('reads %s as release 5.3.2', (input) => {
    expect(normalizeRelease(input, pin)).toEqual({ tag: 'rocketmq-all-5.3.2', version: '5.3.2' });
  });

  it('keeps a qualifier and recognises the pinned release', () => {
    expect(normalizeRelease('4.9.8-RC1', pin)).toEqual({ tag: 'rocketmq-all-4.9.8-RC1', version: '4.9.8-RC1' });
    expect(normalizeRelease(pin.tag, pin)).toEqual({ tag: pin.tag, version: pin.version });
  });

  it.each(['latest', 'rocketmq-all-latest', '5.3', 'v', '', 'nonsense!', '5.3.2; rm -rf /'])('rejects %j as a usage error', (input) => {
    let caught: unknown;
    try {
      normalizeRelease(input, pin);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).exitCode).toBe(2);
    expect((caught as UserError).message).toContain(`'${input}'`);
    expect((caught as UserError).hint).toContain(pin.version);
  });
});

describe('modulesOfPom', () => {
  it('lists <module> names in order, once each, ignoring comments and paths outside the tree', () => {
    const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project>
  <modelVersion>4.0.0</modelVersion>
  <!-- <module>commented-out</module> -->
  <modules>
    <module>common</module>
    <module>
      store
    </module>
    <!--
      <module>also-commented</module>
    -->
    <module>common</module>
    <module>broker</module>
  </modules>
  <profiles>
    <profile>
      <modules>
        <module>../outside</module>
        <module>extra</module>
      </modules>
    </profile>
  </profiles>
</project>
`;
    expect(modulesOfPom(pom)).toEqual(['common', 'store', 'broker', 'extra']);
  });

  it('finds nothing in a POM without modules', () => {
    expect(modulesOfPom('<project><artifactId>single</artifactId></project>')).toEqual([]);
  });
});
