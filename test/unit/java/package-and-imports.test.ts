import { describe, expect, it } from 'vitest';
import { factsOf, factsOfText, rangeOfText, symbolOf } from '../../helpers/java';

describe('package and imports', async () => {
  const { text, facts } = await factsOf('package-and-imports/Imports.java');

  it('declares the package as a symbol with no parent, parent of the top-level types', () => {
    expect(facts.packageName).toBe('org.example.imports');
    const pkg = symbolOf(facts, 'org.example.imports');
    expect(pkg.kind).toBe('package');
    expect(pkg.parent).toBeNull();
    expect(pkg.range).toEqual(rangeOfText(text, 'package org.example.imports;'));
    expect(pkg.nameRange).toEqual(rangeOfText(text, 'org.example.imports', 'package org.example.imports;'));
    expect(symbolOf(facts, 'org.example.imports.Imports').parent).toBe('org.example.imports');
  });

  it('lists imports in order, telling static and on-demand ones apart', () => {
    expect(facts.imports).toEqual([
      { name: 'java.util.List', isStatic: false, onDemand: false, line: 3 },
      { name: 'java.util.concurrent', isStatic: false, onDemand: true, line: 4 },
      { name: 'java.util.Objects.requireNonNull', isStatic: true, onDemand: false, line: 5 },
      { name: 'java.util.Collections', isStatic: true, onDemand: true, line: 6 },
    ]);
    // An editor's count: a final newline ends the last line rather than starting another.
    expect(facts.lineCount).toBe(text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length);
  });

  it('gives top-level types of the default package their bare name and no parent', async () => {
    const facts = await factsOfText('import java.util.List;\n\nclass Bare {\n    List<String> names;\n}\n');
    expect(facts.packageName).toBeNull();
    expect(facts.imports).toHaveLength(1);
    expect(symbolOf(facts, 'Bare').parent).toBeNull();
    expect(symbolOf(facts, 'Bare#names').parent).toBe('Bare');
  });
});
