package org.fangfei.app.security;

import java.time.Duration;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.shared.ClientAddress;
import org.fangfei.app.shared.Throttle;
import org.fangfei.app.shared.Throttles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
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
 * Tries are token buckets in the database ({@link Throttles}), shared by every instance;
 * an IPv6 address counts by its /64 network ({@link ClientAddress}), and so do the
 * addresses an account signed in from ({@code sign_in_known}).
 */
@Component
class SignInThrottle {

	static final int PER_ADDRESS = 30;

	static final int PER_ACCOUNT = 50;

	static final int KNOWN_DAYS = 30;

	private final SecuritySettings settings;

	private final Throttles throttles;

	private final JdbcClient jdbc;

	private final Throttle byAddress;

	private final Throttle byAccount;

	private PairThrottle byPair;

	SignInThrottle(SecuritySettings settings, Throttles throttles, JdbcClient jdbc) {
		this.settings = settings;
		this.throttles = throttles;
		this.jdbc = jdbc;
		this.byAddress = throttles.of("sign-in-address",
				Throttle.Limit.of(PER_ADDRESS, PER_ADDRESS, Duration.ofMinutes(10)));
		this.byAccount = throttles.of("sign-in-account",
				Throttle.Limit.of(PER_ACCOUNT, PER_ACCOUNT, Duration.ofHours(1)));
	}

	/**
	 * Takes one try for this address and name, before the password is checked; false,
	 * with nothing taken, when it must wait.
	 */
	boolean tryAttempt(String remoteAddress, String username) {
		String address = ClientAddress.key(remoteAddress);
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
		if (!known(address, name) && !this.byAccount.take(name)) {
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
	void succeeded(String remoteAddress, String username) {
		String address = ClientAddress.key(remoteAddress);
		String name = name(username);
		pairs().clear(address + "|" + name);
		this.byAddress.giveBack(address);
		if (!known(address, name)) {
			this.byAccount.giveBack(name);
		}
		this.jdbc.sql("""
				insert into sign_in_known (address, username, last_signed_in) values (:a, :u, now())
				on conflict (address, username) do update set last_signed_in = now()
				""").param("a", address).param("u", name).update();
	}

	/** Whether the account signed in from the address during the last few days. */
	private boolean known(String address, String name) {
		return this.jdbc.sql("""
				select count(*) from sign_in_known where address = :a and username = :u
				and last_signed_in > now() - make_interval(days => :days)
				""").param("a", address).param("u", name).param("days", KNOWN_DAYS).query(Long.class).single() > 0;
	}

	/** Forgets the addresses not signed in from for {@value #KNOWN_DAYS} days. */
	@Scheduled(initialDelayString = "${fangfei.security.known-expiry-initial-delay:PT10M}", fixedDelayString = "PT1H")
	@SchedulerLock(name = "sign-in-known-expiry", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
	void forgetOldAddresses() {
		this.jdbc.sql("delete from sign_in_known where last_signed_in < now() - make_interval(days => :days)")
			.param("days", KNOWN_DAYS)
			.update();
	}

	/**
	 * The (address, account) buckets for the current settings; other buckets when they
	 * change, since a stored bucket keeps the limits it was made with.
	 */
	private synchronized Throttle pairs() {
		int max = this.settings.lockoutMaxFailures();
		int minutes = this.settings.lockoutMinutes();
		if (this.byPair == null || this.byPair.max() != max || this.byPair.minutes() != minutes) {
			this.byPair = new PairThrottle(max, minutes, this.throttles.of("sign-in-pair-" + max + "-" + minutes,
					Throttle.Limit.pause(max, Duration.ofMinutes(minutes))));
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
