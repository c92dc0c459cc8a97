import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-context';
import { wrappingKeyQuery } from './wrapping-key-query';

/** The region's BYOK wrapping key. */
export function useWrappingKey(region: string) {
  return useQuery(wrappingKeyQuery(useApiClient(), region));
}
