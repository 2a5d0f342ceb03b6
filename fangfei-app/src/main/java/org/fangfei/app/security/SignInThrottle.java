package org.fangfei.app.security;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account out by its name
 * alone. Failed sign-ins are counted per (address, account), per address and per account,
 * the account being the name as typed whether it exists or not, so the answers never tell
 * an existing account from a missing one:
 * <ul>
 * <li>an address that failed {@code lockout.max-failures} times for one account pauses
 * for {@code lockout.minutes} for that account only (security settings); other addresses
 * — the office head at her desk — are not affected;</li>
 * <li>an address that failed {@value #PER_ADDRESS} times in 10 minutes, whatever the
 * names, waits for its bucket to refill (one try every 20 s);</li>
 * <li>a name that failed {@value #PER_ACCOUNT} times in an hour from any addresses —
 * distributed guessing — gets one try every 72 s until the failures stop: a slow-down
 * shared by all addresses, never a lock.</li>
 * </ul>
 * A successful sign-in clears its (address, account) count. Counts are in memory, per
 * instance.
 */
@Component
class SignInThrottle {

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 50;

	private static final long MAX_KEYS = 100_000;

	private final SecuritySettings settings;

	private final Throttle byAddress = new Throttle(PER_ADDRESS, Duration.ofMinutes(10), MAX_KEYS);

	private final Throttle byAccount = new Throttle(PER_ACCOUNT, Duration.ofHours(1), MAX_KEYS);

	private PairThrottle byPair;

	SignInThrottle(SecuritySettings settings) {
		this.settings = settings;
	}

	/** Whether this address may try to sign in as this name now. */
	boolean allows(String address, String username) {
		String name = name(username);
		return pairs().allows(address + "|" + name) && this.byAddress.allows(address) && this.byAccount.allows(name);
	}

	void failed(String address, String username) {
		String name = name(username);
		pairs().fail(address + "|" + name);
		this.byAddress.fail(address);
		this.byAccount.fail(name);
	}

	void succeeded(String address, String username) {
		pairs().clear(address + "|" + name(username));
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
