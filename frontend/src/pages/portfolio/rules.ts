/** The portfolio forms' rules, the backend's own (../shared/spec/portfolio.md), so a form names
 * the wrong field before sending; the server checks everything again. Values stay the strings
 * typed: decimals are compared exactly (decimals.ts), never through floats. */
import { ApiError, errorMessage } from '../../api/errors';
import type { Me } from '../../api/types';
import { compareDecimals, fractionDigits, isDecimal } from './decimals';

export const MAX_PRICE = '1000000000';
export const MAX_QUANTITY = '1000000000000000';
export const MAX_DECIMALS = 12;
export const MAX_NOTES = 5000;
export const CURRENCY = /^[A-Z0-9]{2,10}$/;
export const SYMBOL = /^[A-Z0-9]{1,20}\/[A-Z0-9]{1,20}$/;

export type Problems<K extends string> = Partial<Record<K, string>>;

interface Bounds {
  /** Exclusive lower bound ("> 0"). */
  above?: string;
  /** Inclusive lower bound (">= 0.01"). */
  atLeast?: string;
  atMost: string;
}

/** Why a typed decimal is not acceptable, or null. Grouping commas and spaces are refused:
 * "1,5" is ambiguous. */
export function decimalProblem(text: string, bounds: Bounds): string | null {
  const value = text.trim();
  if (!isDecimal(value) || value.startsWith('-')) return 'a plain number, like 101.25';
  if (fractionDigits(value) > MAX_DECIMALS) return `at most ${MAX_DECIMALS} decimals`;
  if (bounds.above !== undefined && compareDecimals(value, bounds.above) <= 0) return `must be greater than ${bounds.above}`;
  if (bounds.atLeast !== undefined && compareDecimals(value, bounds.atLeast) < 0) return `must be at least ${bounds.atLeast}`;
  if (compareDecimals(value, bounds.atMost) > 0) return `must be at most ${Number(bounds.atMost).toLocaleString('en-US')}`;
  return null;
}

const PRICE: Bounds = { above: '0', atMost: MAX_PRICE };
const QUANTITY: Bounds = { above: '0', atMost: MAX_QUANTITY };
const FEES: Bounds = { atLeast: '0', atMost: MAX_QUANTITY };
const BALANCE: Bounds = { atLeast: '0.01', atMost: MAX_PRICE };

/** Pro and premium (admins as premium) keep portfolios; free users get 0 (the server answers
 * 403 tier_required anyway: this only explains first and saves the round trip). */
export function journalUnlocked(me: Pick<Me, 'is_admin' | 'limits'>): boolean {
  return me.is_admin || me.limits.portfolios === null || me.limits.portfolios > 0;
}

/** Room for one more portfolio under the tier's limit (null: no limit). */
export function canAddPortfolio(me: Pick<Me, 'is_admin' | 'limits'>, count: number): boolean {
  const limit = me.limits.portfolios;
  return me.is_admin || limit === null || count < limit;
}

// Portfolios ------------------------------------------------------------------------------

export interface PortfolioForm {
  name: string;
  description: string;
  currency: string;
  initialBalance: string;
}

export const NEW_PORTFOLIO: PortfolioForm = { name: '', description: '', currency: 'USDT', initialBalance: '10000' };

export function portfolioProblems(form: PortfolioForm): Problems<keyof PortfolioForm> {
  const problems: Problems<keyof PortfolioForm> = {};
  const name = form.name.trim();
  if (!name) problems.name = 'a name is required';
  else if (name.length > 100) problems.name = 'at most 100 characters';
  if (form.description.length > 500) problems.description = 'at most 500 characters';
  if (!CURRENCY.test(form.currency.trim())) problems.currency = '2 to 10 capital letters or digits, like USDT';
  const balance = decimalProblem(form.initialBalance, BALANCE);
  if (balance) problems.initialBalance = balance;
  return problems;
}

// Trades ----------------------------------------------------------------------------------

export type Direction = 'long' | 'short';

export interface TradeForm {
  symbol: string;
  direction: Direction;
  status: 'open' | 'pending';
  entryPrice: string;
  quantity: string;
  stopLoss: string;
  takeProfit: string;
  fees: string;
  /** A datetime-local value in the browser's zone; '' for "when opened". */
  entryTime: string;
  setupNotes: string;
}

export const NEW_TRADE: TradeForm = {
  symbol: '',
  direction: 'long',
  status: 'open',
  entryPrice: '',
  quantity: '',
  stopLoss: '',
  takeProfit: '',
  fees: '0',
  entryTime: '',
  setupNotes: '',
};

/** "btc-usdt" -> "BTC/USDT". */
export function normaliseSymbol(text: string): string {
  return text.trim().toUpperCase().replace('-', '/');
}

/** The stop and target against the entry, in the server's words: long stop < entry < target,
 * short reversed. Only compared when each is a valid price. */
export function levelProblems(direction: Direction, entry: string, stop: string, target: string): Problems<'stopLoss' | 'takeProfit'> {
  const problems: Problems<'stopLoss' | 'takeProfit'> = {};
  if (decimalProblem(entry, PRICE)) return problems;
  const long = direction === 'long';
  if (stop.trim() && !decimalProblem(stop, PRICE)) {
    const side = compareDecimals(stop.trim(), entry.trim());
    if (long ? side >= 0 : side <= 0) problems.stopLoss = `a ${direction} trade's stop must be ${long ? 'below' : 'above'} the entry`;
  }
  if (target.trim() && !decimalProblem(target, PRICE)) {
    const side = compareDecimals(target.trim(), entry.trim());
    if (long ? side <= 0 : side >= 0) problems.takeProfit = `a ${direction} trade's target must be ${long ? 'above' : 'below'} the entry`;
  }
  return problems;
}

/** A datetime-local value as an ISO instant (UTC), null when empty or not a time. */
export function isoFromLocalInput(value: string): string | null {
  if (!value) return null;
  const when = new Date(value);
  return Number.isNaN(when.getTime()) ? null : when.toISOString();
}

/** A time may be at most a minute ahead of now (the server's clock allowance). */
function aheadProblem(value: string, now: number): string | null {
  if (!value) return null;
  const iso = isoFromLocalInput(value);
  if (iso === null) return 'not a date and time';
  return Date.parse(iso) > now + 60_000 ? 'at most 1 minute ahead' : null;
}

export function tradeProblems(form: TradeForm, now: number): Problems<keyof TradeForm> {
  const problems: Problems<keyof TradeForm> = {};
  if (!SYMBOL.test(normaliseSymbol(form.symbol))) problems.symbol = 'BASE/QUOTE, like BTC/USDT';
  const entry = decimalProblem(form.entryPrice, PRICE);
  if (entry) problems.entryPrice = entry;
  if (form.quantity.trim()) {
    const quantity = decimalProblem(form.quantity, QUANTITY);
    if (quantity) problems.quantity = quantity;
  } else if (form.status === 'open') {
    problems.quantity = 'required once the trade is open';
  }
  for (const field of ['stopLoss', 'takeProfit'] as const) {
    const problem = form[field].trim() ? decimalProblem(form[field], PRICE) : null;
    if (problem) problems[field] = problem;
  }
  const levels = levelProblems(form.direction, form.entryPrice, form.stopLoss, form.takeProfit);
  problems.stopLoss ??= levels.stopLoss;
  problems.takeProfit ??= levels.takeProfit;
  const fees = decimalProblem(form.fees || '0', FEES);
  if (fees) problems.fees = fees;
  const time = aheadProblem(form.entryTime, now);
  if (time) problems.entryTime = time;
  if (form.setupNotes.length > MAX_NOTES) problems.setupNotes = `at most ${MAX_NOTES} characters`;
  return problems;
}

/** Opening a pending trade: the quantity is needed by then (unless it already has one). */
export function openProblems(
  form: { entryPrice: string; quantity: string; fees: string },
  hasQuantity: boolean,
): Problems<'entryPrice' | 'quantity' | 'fees'> {
  const problems: Problems<'entryPrice' | 'quantity' | 'fees'> = {};
  const entry = form.entryPrice.trim() ? decimalProblem(form.entryPrice, PRICE) : null;
  if (entry) problems.entryPrice = entry;
  if (form.quantity.trim()) {
    const quantity = decimalProblem(form.quantity, QUANTITY);
    if (quantity) problems.quantity = quantity;
  } else if (!hasQuantity) {
    problems.quantity = 'required once the trade is open';
  }
  const fees = form.fees.trim() ? decimalProblem(form.fees, FEES) : null;
  if (fees) problems.fees = fees;
  return problems;
}

/** Closing: a price unless at market; fees optional. */
export function closeProblems(form: { atMarket: boolean; exitPrice: string; fees: string }): Problems<'exitPrice' | 'fees'> {
  const problems: Problems<'exitPrice' | 'fees'> = {};
  if (!form.atMarket) {
    const price = decimalProblem(form.exitPrice, PRICE);
    if (price) problems.exitPrice = price;
  }
  const fees = form.fees.trim() ? decimalProblem(form.fees, FEES) : null;
  if (fees) problems.fees = fees;
  return problems;
}

export function hasProblems(problems: object): boolean {
  return Object.values(problems).some(Boolean);
}

/** Keeps only the non-empty optional text fields (the API takes null or a value). */
export function optional(text: string): string | null {
  const value = text.trim();
  return value ? value : null;
}

// Tags and journal entries ----------------------------------------------------------------

export interface TagForm {
  name: string;
  color: string;
  description: string;
}

export const NEW_TAG: TagForm = { name: '', color: '#6366f1', description: '' };
export const MAX_TAGS_PER_TRADE = 10;
export const MAX_ENTRY = 10_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
const CONTROL = /[\u0000-\u001f\u007f]/;

export function tagProblems(form: TagForm): Problems<keyof TagForm> {
  const problems: Problems<keyof TagForm> = {};
  const name = form.name.trim();
  if (!name) problems.name = 'a name is required';
  else if (name.length > 50) problems.name = 'at most 50 characters';
  else if (name.includes(';')) problems.name = 'no ";" (it separates tags in the CSV export)';
  else if (CONTROL.test(name)) problems.name = 'no control characters';
  if (!/^#[0-9a-fA-F]{6}$/.test(form.color)) problems.color = 'a colour like #6366f1';
  if (form.description.length > 200) problems.description = 'at most 200 characters';
  return problems;
}

/** A journal entry's text: 1 to 10,000 characters, kept as typed. */
export function entryProblem(content: string): string | null {
  if (!content.trim()) return 'write something first';
  if (content.length > MAX_ENTRY) return `at most ${MAX_ENTRY.toLocaleString('en-US')} characters`;
  return null;
}

/** "pre_trade" -> "Pre-trade", "post_trade" -> "Post-trade", "fomo" -> "FOMO". */
export function entryLabel(value: string): string {
  if (value === 'fomo') return 'FOMO';
  const words = value.replace('_', '-');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const STATUSES = ['pending', 'open', 'closed', 'cancelled'] as const;
type FilterStatus = (typeof STATUSES)[number];

/** The trade list's query from the URL's filters; unknown values are dropped, not sent. */
export function tradeQueryOf(values: { status: string; symbol: string; direction: string; tag?: string }): {
  status?: FilterStatus;
  symbol?: string;
  direction?: Direction;
  tag?: number;
} {
  const tag = Number(values.tag);
  const status = STATUSES.find((candidate) => candidate === values.status);
  const direction = values.direction === 'long' || values.direction === 'short' ? values.direction : undefined;
  const symbol = values.symbol ? normaliseSymbol(values.symbol) : undefined;
  return {
    ...(status ? { status } : {}),
    ...(symbol && SYMBOL.test(symbol) ? { symbol } : {}),
    ...(direction ? { direction } : {}),
    ...(Number.isInteger(tag) && tag > 0 ? { tag } : {}),
  };
}

// Refusals --------------------------------------------------------------------------------

/** The server's own words after its title ("Conflict: cannot close a pending trade"). */
function detailOf(message: string): string {
  const colon = message.indexOf(': ');
  return colon >= 0 ? message.slice(colon + 2) : message;
}

/** A refused action, readable: what the state allows and what to do instead. */
export function actionErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return errorMessage(error);
  const detail = detailOf(error.message);
  switch (error.code) {
    case 'invalid_transition':
      return `Not possible in this trade's state (${detail}). A pending trade can be opened or cancelled, an open one closed; closed and cancelled trades are final.`;
    case 'price_unavailable':
      return `No recent market price to close at (${detail}). Close at a price instead.`;
    case 'already_journaled':
      return `This signal is already in that portfolio (${detail}).`;
    default:
      return error.message;
  }
}
