import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EDITOR_SCHEMAS } from '../../../lib/content/schema';
import { PROJECT_ROOT, runScript } from '../../helpers/cli';
import { CONTENT_FIXTURES } from '../../helpers/content-project';

/*
 * schema/*.schema.json is what editors read (through the yaml-language-server comment). It must be
 * current with lib/content/schema.ts, be valid JSON Schema draft-07 under a strict validator, and
 * accept and reject the same files the checker does.
 */
const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
const LEDGER = 'store/src/main/java/org/example/store/Ledger.java.yaml';

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
}

function compile(name: string): ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  return ajv.compile(loadSchema(name));
}

function yamlFixture(relative: string): unknown {
  return parse(fs.readFileSync(path.join(CONTENT_FIXTURES, relative), 'utf8'));
}

describe('schema/*.schema.json', () => {
  it('are current: `npm run schema -- --check` exits 0', () => {
    const env = { ...process.env };
    delete env.ROCKETMQ_LEARNING_ROOT;
    const run = runScript('scripts/schema.ts', ['--check'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('schema: up to date');
  });

  it('are exactly one file per content format', () => {
    const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(Object.keys(EDITOR_SCHEMAS).map((name) => `${name}.schema.json`).sort());
  });

  it.each(Object.keys(EDITOR_SCHEMAS))('%s compiles as draft-07 in strict mode', (name) => {
    const schema = loadSchema(name);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(() => compile(name)).not.toThrow();
  });

  it('accepts a good annotation file and rejects unknown keys and wrong types', () => {
    const validate = compile('annotation-file');
    expect(validate(yamlFixture(`good/annotations/${LEDGER}`)), JSON.stringify(validate.errors)).toBe(true);

    expect(validate(yamlFixture(`bad-input/unknown-keys/annotations/${LEDGER}`))).toBe(false);
    expect(validate.errors?.map((e) => [e.keyword, e.instancePath, e.params])).toEqual(
      expect.arrayContaining([
        ['additionalProperties', '', { additionalProperty: 'sumary' }],
        ['additionalProperties', '/annotations/0', { additionalProperty: 'colour' }],
      ]),
    );

    expect(validate(yamlFixture(`bad-input/wrong-types/annotations/${LEDGER}`))).toBe(false);
    const paths = validate.errors?.map((e) => e.instancePath) ?? [];
    expect(paths).toContain('/annotations/0/title');
    expect(paths).toContain('/annotations/0/lines');
  });

  it('accepts the other good fixtures and rejects a layout field with a size that is not a number', () => {
    const layout = compile('layout');
    expect(layout(yamlFixture('good/annotations/layouts/ledger-entry.yaml')), JSON.stringify(layout.errors)).toBe(true);
    expect(layout({ title: 't', summary: 's', fields: [{ name: 'a', size: 'eight', meaning: 'm' }] })).toBe(false);
    expect(compile('concept')(yamlFixture('good/annotations/concepts/running-total.yaml'))).toBe(true);
    expect(compile('tour')(yamlFixture('good/annotations/tours/ledger-walk.yaml'))).toBe(true);
  });

  it('describe every property of the annotation file format', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (!value.description?.trim()) missing.push(`${at}.${key}`);
      }
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    const schema = loadSchema('annotation-file');
    walk(schema, '');
    expect(missing).toEqual([]);
    // The walk did look at the annotation entries' fields.
    expect(JSON.stringify(schema)).toContain('"fingerprint"');
    expect(typeof schema.description).toBe('string');
  });
});
