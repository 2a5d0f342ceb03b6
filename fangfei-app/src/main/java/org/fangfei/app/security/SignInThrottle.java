package org.fangfei.app.security;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account out by its name
 * alone. Every sign-in attempt takes a try before its password is checked — atomically,
 * so attempts sent all at once cannot slip through together — and a successful one gives
 * it back. Tries are counted per (address, account), per address and per account, the
 * account being the name as typed whether it exists or not, so the answers never tell an
 * existing account from a missing one:
 * <ul>
 * <li>an address that failed {@code lockout.max-failures} times for one account pauses
 * for {@code lockout.minutes} for that account only (security settings); other addresses
 * — the office head at her desk — are not affected;</li>
 * <li>an address that failed {@value #PER_ADDRESS} times in 10 minutes, whatever the
 * names, waits for its bucket to refill (one try every 20 s);</li>
 * <li>a name that failed {@value #PER_ACCOUNT} times in an hour from any addresses —
 * distributed guessing — gets one try every 72 s from addresses it never signed in from,
 * until the failures stop; an address the account signed in from during the last
 * {@value #KNOWN_DAYS} days is not slowed by this, so strangers cannot keep the account's
 * owner out.</li>
 * </ul>
 * Counts are in memory, per instance.
 */
@Component
class SignInThrottle {

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 50;

	static final int KNOWN_DAYS = 30;

	private static final long MAX_KEYS = 100_000;

	/** (address, account) pairs that signed in successfully lately. */
	private final Cache<String, Boolean> known = Caffeine.newBuilder()
		.maximumSize(MAX_KEYS)
		.expireAfterWrite(Duration.ofDays(KNOWN_DAYS))
		.build();

	private final SecuritySettings settings;

	private final Throttle byAddress = new Throttle(PER_ADDRESS, Duration.ofMinutes(10), MAX_KEYS);

	private final Throttle byAccount = new Throttle(PER_ACCOUNT, Duration.ofHours(1), MAX_KEYS);

	private PairThrottle byPair;

	SignInThrottle(SecuritySettings settings) {
		this.settings = settings;
	}

	/**
	 * Takes one try for this address and name, before the password is checked; false,
	 * with nothing taken, when it must wait.
	 */
	boolean tryAttempt(String address, String username) {
		String name = name(username);
		String pair = address + "|" + name;
		Throttle pairs = pairs();
		if (!pairs.take(pair)) {
			return false;
		}
		if (!this.byAddress.take(address)) {
			pairs.giveBack(pair);
			return false;
		}
		if (this.known.getIfPresent(pair) == null && !this.byAccount.take(name)) {
			pairs.giveBack(pair);
			this.byAddress.giveBack(address);
			return false;
		}
		return true;
	}

	/**
	 * The attempt was right: its tries are given back and the address is known for the
	 * account.
	 */
	void succeeded(String address, String username) {
		String name = name(username);
		String pair = address + "|" + name;
		pairs().clear(pair);
		this.byAddress.giveBack(address);
		if (this.known.getIfPresent(pair) == null) {
			this.byAccount.giveBack(name);
		}
		this.known.put(pair, Boolean.TRUE);
	}

	/**
	 * The (address, account) buckets for the current settings; new ones when they change.
	 */
	private synchronized Throttle pairs() {
		int max = this.settings.lockoutMaxFailures();
		int minutes = this.settings.lockoutMinutes();
		if (this.byPair == null || this.byPair.max() != max || this.byPair.minutes() != minutes) {
			this.byPair = new PairThrottle(max, minutes,
					new Throttle(max, Duration.ofMinutes(minutes), MAX_KEYS, true));
		}
		return this.byPair.throttle();
	}

	private static String name(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	private record PairThrottle(int max, int minutes, Throttle throttle) {
	}

}
