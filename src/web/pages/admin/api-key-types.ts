/** An API key as its owner sees it (never the secret, except once at creation). */
export interface ApiKeyView {
  id: string;
  prefix: string;
  name: string | null;
  tier: 'FREE' | 'PRO' | 'ENTERPRISE';
  status: 'active' | 'revoked' | 'expired';
  rateLimitPerMinute: number;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

/** `POST /keys`: the key itself, this once, and its stored view. */
export interface CreatedKey {
  key: string;
  apiKey: ApiKeyView;
}

interface Standing {
  used: number;
  limit: number;
  remaining: number;
}

/** `GET /keys/:id/usage`. */
export interface KeyUsageResponse {
  today: string;
  rateLimitPerMinute: number;
  quotas: Record<string, { daily: Standing; monthly: Standing }>;
  days: { date: string; endpoint: string; category: string | null; count: number }[];
}
