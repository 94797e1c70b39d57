/**
 * The browser half of WebAuthn with the JSON forms the API speaks: the server's options JSON in,
 * the credential's JSON out (WebAuthn Level 3's parse…FromJSON and toJSON, in current Chromium,
 * Firefox and Safari), so no base64url juggling lives here.
 */
type JsonCredentialStatics = {
  parseCreationOptionsFromJSON(options: unknown): PublicKeyCredentialCreationOptions;
  parseRequestOptionsFromJSON(options: unknown): PublicKeyCredentialRequestOptions;
};

function statics(): JsonCredentialStatics {
  const api = window.PublicKeyCredential as unknown as Partial<JsonCredentialStatics> | undefined;
  if (!api?.parseCreationOptionsFromJSON || !api.parseRequestOptionsFromJSON) throw new Error('This browser cannot use passkeys here');
  return api as JsonCredentialStatics;
}

const toJson = (credential: Credential | null): string => {
  if (!credential) throw new Error('No passkey was chosen');
  return JSON.stringify((credential as PublicKeyCredential & { toJSON(): unknown }).toJSON());
};

/** Creates a passkey for the options of startPasskeyRegistration; the answer for finishPasskeyRegistration. */
export async function createPasskey(optionsJson: string): Promise<string> {
  const publicKey = statics().parseCreationOptionsFromJSON(JSON.parse(optionsJson));
  return toJson(await navigator.credentials.create({ publicKey }));
}

/** Signs a login's challenge (startPasskeyLogin's options); the answer for completeMfaLogin. */
export async function signWithPasskey(optionsJson: string): Promise<string> {
  const publicKey = statics().parseRequestOptionsFromJSON(JSON.parse(optionsJson));
  return toJson(await navigator.credentials.get({ publicKey }));
}
