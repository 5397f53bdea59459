export function livekitConnectSources(livekitUrl: string): string[];
export function livekitUrlsFromEnv(env: Record<string, string | undefined>): string[];
export function contentSecurityPolicy(options?: {
  livekitUrls?: string[];
  forHeader?: boolean;
}): string;
