/** Request and response shapes named by path and method, read from the generated schema
 * (schema.d.ts). By path rather than by schema name: the generated names of some models carry
 * module prefixes when two domains have a model of the same name (DeliveryOut). */

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Success<Op> = Op extends { responses: infer R }
  ? 200 extends keyof R
    ? Json<R[200]>
    : 201 extends keyof R
      ? Json<R[201]>
      : never
  : never;
/** The `data` of an operation's success envelope. */
export type DataOf<Op> = Success<Op> extends { data?: infer D } ? NonNullable<D> : never;
/** An operation's JSON request body. */
export type BodyOf<Op> = Op extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** An operation's query parameters. */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** One element of a list type. */
export type Item<T> = T extends readonly (infer I)[] ? I : never;
