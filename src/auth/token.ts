import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { unauthenticated } from '../errors';

export interface TokenClaims {
  /** User id. */
  sub: string;
  /** The user's token version when the token was issued; logout and password changes bump it. */
  ver: number;
}

const ISSUER = 'shiftcast';

export class TokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlMinutes: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(claims: TokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlMinutes * 60_000);
    const token = await new SignJWT({ ver: claims.ver })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  /** Verifies signature, issuer and expiry; throws UNAUTHENTICATED with the reason. */
  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.ver !== 'number')
        throw unauthenticated('Malformed token');
      return { sub: payload.sub, ver: payload.ver };
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw unauthenticated('Token expired');
      if (e instanceof joseErrors.JOSEError) throw unauthenticated('Invalid token');
      throw e;
    }
  }
}

/** `Bearer <token>` → token; anything else → null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match ? match[1] : null;
}
