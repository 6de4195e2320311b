// Who this browser is: the token from /auth/guest, /auth/register or /auth/login, kept in localStorage so a
// reload or a new tab returns to the same seat (the server restores seats by the token's user).
import { api } from './api.js';

const SESSION_KEY = 'scrumPoker.session';
const SEATS_KEY = 'scrumPoker.seats';
const REMEMBERED_SEATS = 50;
// A token this close to expiry is not worth starting a room connection with.
const EXPIRY_MARGIN_MS = 60_000;

export function currentSession() {
  const session = read(SESSION_KEY);
  if (!session?.token || Date.now() > session.expiresAt - EXPIRY_MARGIN_MS) return null;
  return session;
}

export function signOut() {
  localStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(SEATS_KEY);
}

export async function signInAsGuest(displayName) {
  return keep(await api('/auth/guest', { method: 'POST', body: { displayName } }));
}

export async function register(email, password, displayName) {
  return keep(await api('/auth/register', { method: 'POST', body: { email, password, displayName } }));
}

export async function logIn(email, password) {
  return keep(await api('/auth/login', { method: 'POST', body: { email, password } }));
}

/** Rooms where this browser's user holds a seat: opening their link again takes the seat without asking. */
export function hasSeat(roomId) {
  return (read(SEATS_KEY) ?? []).includes(roomId);
}

export function rememberSeat(roomId) {
  const seats = (read(SEATS_KEY) ?? []).filter((id) => id !== roomId);
  seats.unshift(roomId);
  localStorage.setItem(SEATS_KEY, JSON.stringify(seats.slice(0, REMEMBERED_SEATS)));
}

export function forgetSeat(roomId) {
  localStorage.setItem(SEATS_KEY, JSON.stringify((read(SEATS_KEY) ?? []).filter((id) => id !== roomId)));
}

function keep(auth) {
  const session = { token: auth.token, user: auth.user, expiresAt: Date.now() + auth.expiresIn * 1000 };
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  localStorage.removeItem(SEATS_KEY);
  return session;
}

function read(key) {
  try {
    return JSON.parse(localStorage.getItem(key));
  } catch {
    return null;
  }
}
