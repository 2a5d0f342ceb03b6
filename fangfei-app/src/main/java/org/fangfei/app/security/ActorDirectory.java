package org.fangfei.app.security;

import org.fangfei.app.shared.Actor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Actor} an account acts as — its roles' permissions and data scope, as a
 * request signed in with it would resolve them — for work done on the account's behalf
 * outside a request: the demo's year of history acts as the demo accounts.
 */
@Service
public class ActorDirectory {

	private final Users users;

	ActorDirectory(Users users) {
		this.users = users;
	}

	/** The enabled account with this sign-in name; refuses an unknown or disabled one. */
	@Transactional(readOnly = true)
	public Actor actorOf(String username) {
		UserAccount account = this.users.byUsername(username)
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new IllegalArgumentException("no enabled account " + username));
		return this.users.actorOf(account);
	}

	/**
	 * The demo's staff account of a township without a business account of its own (t104
	 * …, see {@link DemoTownshipStaff}); empty when there is none.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Actor> demoStaffOf(String townshipCode) {
		return this.users.byUsername(DemoTownshipStaff.usernameOf(townshipCode))
			.filter(UserAccount::enabled)
			.map(this.users::actorOf);
	}

}
