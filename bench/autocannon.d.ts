// autocannon ships no types; the benchmarks use a small part of it.
declare module 'autocannon' {
  namespace autocannon {
    type Options = Record<string, unknown>;
  }
  function autocannon(options: autocannon.Options): any;
  export default autocannon;
}
