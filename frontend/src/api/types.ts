/** Short names for generated schema types (never hand-written: they come from schema.d.ts). */
import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['MeOut'];
export type User = Schemas['UserOut'];
export type Tier = Schemas['Tier'];
export type Limits = Schemas['LimitsOut'];
export type Health = Schemas['HealthOut'];
export type Freshness = Schemas['Freshness'];
export type SymbolInfo = Schemas['SymbolOut'];
export type Candle = Schemas['CandleOut'];
export type Pattern = Schemas['PatternOut'];
export type PatternType = Pattern['type'];
export type PatternDirection = Pattern['direction'];
export type PatternStatus = Pattern['status'];
export type Plan = Schemas['PlanOut'];
export type Session = Schemas['SessionOut'];
export type TwoFactorSetup = Schemas['TwoFactorSetupOut'];
export type LoginResult = Schemas['LoginOut'];
export type Signal = Schemas['SignalOut'];
export type SignalDetail = Schemas['SignalDetailOut'];
export type SignalDirection = Signal['direction'];
export type SignalStatus = Signal['status'];
export type SetupStats = Schemas['SetupStatsOut'];
export type StatusEvent = Schemas['StatusEvent'];
export type MatrixRow = Schemas['MatrixRow'];
export type MatrixCellOut = Schemas['MatrixCell'];
export type GlobalStats = Schemas['GlobalStatsOut'];
export type Preferences = Schemas['PreferencesOut'];
export type PreferencesIn = Schemas['PreferencesIn'];
export type Delivery = Schemas['DeliveryOut'];

export type PatternQuery = NonNullable<operations['patterns-list']['parameters']['query']>;
export type SignalQuery = NonNullable<operations['signals-list']['parameters']['query']>;

export const PATTERN_TYPES: readonly PatternType[] = ['fvg', 'order_block', 'liquidity_sweep'];
export const DIRECTIONS: readonly PatternDirection[] = ['bullish', 'bearish'];
export const PATTERN_STATUSES: readonly PatternStatus[] = ['active', 'filled', 'invalidated', 'expired'];
export const SIGNAL_DIRECTIONS: readonly SignalDirection[] = ['long', 'short'];
export const SIGNAL_STATUSES: readonly SignalStatus[] = [
  'pending',
  'triggered',
  'tp1',
  'tp2',
  'tp3',
  'stopped',
  'closed',
  'expired',
  'cancelled',
];

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
