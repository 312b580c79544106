import { describe, expect, it } from 'vitest';
import { mayDeclareType } from '../../../lib/java/body-prefilter';

/*
 * The prefilter may say "yes" wrongly (it only costs a search) but never "no" wrongly: a body it
 * rejects is never searched for local and anonymous classes.
 */
describe('mayDeclareType', () => {
  it.each([
    ['a local class', '{ class Helper {} }'],
    ['a local final class', '{ final class Helper {} }'],
    ['a local record', '{ record Pair(int a, int b) {} }'],
    ['a local enum', '{ enum Mode { A } }'],
    ['a local interface', '{ interface Cb { void f(); } }'],
    ['an anonymous class', '{ Runnable r = new Runnable() { public void run() {} }; }'],
    ['an anonymous class of a generic type', '{ x = new Comparator<Map<String, int[]>>() {}; }'],
    ['an anonymous class with the diamond', '{ x = new ArrayList<>() {}; }'],
    ['a comment between arguments and body', '{ x = new Foo(1) /* then */ {}; }'],
    ['a line comment between arguments and body', '{ x = new Foo(1) // then\n {}; }'],
    ['a parenthesis inside a string argument', '{ x = new Foo(")") {}; }'],
    ['a parenthesis inside a char argument', "{ x = new Foo(')') {}; }"],
    ['a text block argument', '{ x = new Foo("""\n  ) (\n  """) {}; }'],
    ['a lambda argument', '{ x = new Foo(() -> { return 1; }) {}; }'],
    ['a qualified inner class creation', '{ x = outer.new Inner() {}; }'],
    ['a line break after new', '{ x = new\n    Foo() {}; }'],
    ['a type name outside ASCII', '{ x = new Größe() {}; }'],
    ['a local class name outside ASCII', '{ class Über {} }'],
    ['a type annotation with arguments', '{ x = new @Tag("x") Object() {}; }'],
    ['an unclosed argument list', '{ x = new Foo(a, '],
  ])('says yes for %s', (_, text) => {
    expect(mayDeclareType(text)).toBe(true);
  });

  it.each([
    ['a plain constructor call', '{ x = new Foo(1, "a"); }'],
    ['an array creation', '{ x = new int[] {1, 2}; }'],
    ['a generic array creation', '{ x = new List[3]; }'],
    ['a method call followed by a block', '{ if (ok) { run(); } }'],
    ['a word containing new', '{ renewed = newValue + anew; }'],
    ['a class literal', '{ c = Foo.class; }'],
    ['no code at all', '{ }'],
  ])('says no for %s', (_, text) => {
    expect(mayDeclareType(text)).toBe(false);
  });
});
