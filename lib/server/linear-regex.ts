import 'server-only';
import v8 from 'node:v8';

/*
 * User-supplied regular expressions must not be able to hang the server. V8 can switch a regular
 * expression to its linear-time engine once backtracking gets excessive; this turns that on for the
 * server process (constructs the linear engine lacks, backreferences and lookaround, are refused
 * by the search itself).
 */
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
v8.setFlagsFromString('--regexp-backtracks-before-fallback=50000');
