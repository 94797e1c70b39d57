import { accessTokenFrom, sessionCookie } from '../cookiesAndBearer';

describe('where the access token is read from', () => {
  it('prefers the Authorization bearer token', () => {
    expect(accessTokenFrom({ authorization: 'Bearer abc', cookie: '__Host-farmiq_access=def' }, true)).toBe('abc');
  });

  it('reads the __Host- cookie over HTTPS and ignores a plain one a sibling subdomain could plant', () => {
    expect(accessTokenFrom({ cookie: 'theme=dark; __Host-farmiq_access=tok%2Fen' }, true)).toBe('tok/en');
    expect(accessTokenFrom({ cookie: 'farmiq_access=planted' }, true)).toBeUndefined();
  });

  it('reads the plain cookie in development over HTTP', () => {
    expect(accessTokenFrom({ cookie: 'farmiq_access=dev' }, false)).toBe('dev');
  });
});

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Strict for the whole site, Secure only over HTTPS', () => {
    expect(sessionCookie('__Host-farmiq_access', 'a b', 900, true)).toBe('__Host-farmiq_access=a%20b; Path=/; HttpOnly; SameSite=Strict; Max-Age=900; Secure');
    expect(sessionCookie('farmiq_access', 'x', 0, false)).toBe('farmiq_access=x; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
  });
});
