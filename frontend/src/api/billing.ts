/** The billing pages' server state: plans, checkout, payments, the subscription and the fake
 * provider's checkout. Shapes come from the generated schema (schema.d.ts), named by path. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapData } from './client';
import type { BodyOf, DataOf, Item } from './pathTypes';
import { keys } from './queries';
import type { paths } from './schema';

export type BillingPlan = Item<DataOf<paths['/api/v1/billing/plans']['get']>>;
export type BillingPrice = Item<BillingPlan['prices']>;
export type CheckoutIn = BodyOf<paths['/api/v1/billing/checkout']['post']>;
export type Checkout = DataOf<paths['/api/v1/billing/checkout']['post']>;
export type Payment = DataOf<paths['/api/v1/billing/payments/{payment_id}']['get']>;
export type BillingSubscription = DataOf<paths['/api/v1/billing/subscription']['get']>;
export type FakeCheckout = DataOf<paths['/api/v1/billing/fake-checkout/{payment_id}']['get']>;
export type FakeOutcome = BodyOf<paths['/api/v1/billing/fake-checkout/{payment_id}']['post']>['outcome'];

/** The return page asks every 2 s until the payment is final. */
export const RETURN_POLL_MS = 2_000;
export const PAYMENTS_PAGE = 20;

export function usePlans() {
  return useQuery({
    queryKey: keys.plans,
    queryFn: () => unwrapData(api.GET('/api/v1/billing/plans')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSubscription() {
  return useQuery({
    queryKey: keys.subscription,
    queryFn: () => unwrapData(api.GET('/api/v1/billing/subscription')),
  });
}

export function usePayments(cursor: string) {
  return useQuery({
    queryKey: keys.payments(cursor),
    queryFn: () =>
      unwrap(api.GET('/api/v1/billing/payments', { params: { query: { limit: PAYMENTS_PAGE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

/** One payment; `poll` asks again every 2 s until it is final. */
export function usePayment(id: number, poll = false) {
  return useQuery({
    queryKey: keys.payment(id),
    queryFn: () => unwrapData(api.GET('/api/v1/billing/payments/{payment_id}', { params: { path: { payment_id: id } } })),
    enabled: Number.isFinite(id) && id > 0,
    refetchInterval: (query) => (poll && !query.state.data?.final && query.state.status !== 'error' ? RETURN_POLL_MS : false),
    refetchIntervalInBackground: poll,
  });
}

export function useFakeCheckout(id: number) {
  return useQuery({
    queryKey: keys.fakeCheckout(id),
    queryFn: () => unwrapData(api.GET('/api/v1/billing/fake-checkout/{payment_id}', { params: { path: { payment_id: id } } })),
    enabled: Number.isFinite(id) && id > 0,
  });
}

export function useStartCheckout() {
  return useMutation({
    mutationFn: (body: CheckoutIn) => unwrapData(api.POST('/api/v1/billing/checkout', { body })),
  });
}

export function useFakeOutcome(id: number) {
  return useMutation({
    mutationFn: (outcome: FakeOutcome) =>
      unwrapData(api.POST('/api/v1/billing/fake-checkout/{payment_id}', { params: { path: { payment_id: id } }, body: { outcome } })),
  });
}

export function useCancelSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapData(api.POST('/api/v1/billing/cancel')),
    onSuccess: (subscription) => {
      queryClient.setQueryData(keys.subscription, subscription);
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
}

/** After a payment settles the tier may have changed: everything cached was read at the old
 * tier (a tier_required error included), so it is all read again, /me first. */
export async function refreshAfterPayment(queryClient: ReturnType<typeof useQueryClient>): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: keys.me });
  await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== keys.me[0] });
}
