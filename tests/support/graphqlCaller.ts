/**
 * GraphQL over fetch against a running gateway, as a script or partner would call it: `call`
 * throws on any error in the answer, and `as(token)` switches the bearer token the calls carry.
 */
export function graphqlCaller(gatewayUrl: string) {
  let token: string | undefined;
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: any; errors?: unknown[] };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data;
  };
  return {
    call,
    as(accessToken: string | undefined) {
      token = accessToken;
    },
  };
}
