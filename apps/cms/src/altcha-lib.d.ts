// altcha-lib publishes its types through package "exports", which this project's "moduleResolution":
// "Node" (Strapi's default, CommonJS output) cannot read; the runtime `require` resolves fine. These
// are the few signatures the question route uses (altcha-lib 2.8.0, dist/esm/v2/*.d.ts).
declare module 'altcha-lib' {
  export interface Challenge {
    parameters: Record<string, any> & { algorithm: string };
    signature?: string;
  }
  export interface VerifySolutionResult {
    expired: boolean;
    invalidSignature: boolean | null;
    invalidSolution: boolean | null;
    time: number;
    verified: boolean;
  }
  type DeriveKey = (...args: any[]) => Promise<any>;
  export function createChallenge(options: {
    algorithm: string;
    cost: number;
    counter?: number;
    deriveKey: DeriveKey;
    expiresAt?: number | Date;
    hmacSignatureSecret?: string;
    hmacKeySignatureSecret?: string;
    data?: Record<string, string | number | boolean | null>;
  }): Promise<Challenge>;
  export function verifySolution(options: {
    challenge: Challenge;
    solution: { counter: number; derivedKey: string; time?: number };
    deriveKey: DeriveKey;
    hmacSignatureSecret?: string;
    hmacKeySignatureSecret?: string;
  }): Promise<VerifySolutionResult>;
  export function randomInt(min: number, max: number): number;
}
declare module 'altcha-lib/algorithms/sha' {
  export function deriveKey(...args: any[]): Promise<any>;
}
