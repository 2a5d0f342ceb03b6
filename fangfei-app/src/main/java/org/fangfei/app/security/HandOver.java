package org.fangfei.app.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.shared.Rejected;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 双人交接: what the security administrator does to accounts that would otherwise leave them
 * holding another person's credentials or the power to reveal a tipster.
 *
 * <ul>
 * <li>A new account, or a password reset, gets a one-time password in two halves: the
 * first is shown once to the requesting security administrator and never stored; the
 * second is shown once to a second, different administrator when they approve
 * ({@link Approvals}). Until then the account (new) has a password nobody knows, or
 * (reset) keeps its old one. The person receives both halves, from two people, and must
 * change the password at first sign-in. Neither administrator alone can sign in as
 * them.</li>
 * <li>A role carrying a {@link ApprovalRequests#SENSITIVE} permission is given only when
 * a second administrator approves; the account gets its other roles at once.</li>
 * </ul>
 */
@Service
class HandOver {

	/** What the requesting administrator is shown, once. */
	record Issued(UserAccount user, String firstHalf, Set<String> pendingRoles) {
	}

	private final Users users;

	private final Roles roles;

	private final ApprovalRequests requests;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	HandOver(Users users, Roles roles, ApprovalRequests requests, PasswordPolicy policy, PasswordEncoder encoder) {
		this.users = users;
		this.roles = roles;
		this.requests = requests;
		this.policy = policy;
		this.encoder = encoder;
	}

	@Transactional
	Issued create(UserForm form, CurrentUser by) {
		Set<String> withheld = sensitive(form.roles());
		UserAccount user = this.users.create(form, null, withheld, by.id());
		withhold(user, withheld, by);
		return new Issued(user, issue(user, "新增用户", by), withheld);
	}

	@Transactional
	Issued reset(long id, CurrentUser by) {
		if (id == by.id()) {
			throw new Rejected("请通过“修改密码”修改自己的密码");
		}
		UserAccount user = this.users.get(id);
		return new Issued(user, issue(user, "重置密码", by), Set.of());
	}

	/** Saves the edit; a sensitive role the account does not hold yet waits. */
	@Transactional
	Set<String> update(long id, UserForm form, CurrentUser by) {
		UserAccount before = this.users.get(id);
		Set<String> withheld = sensitive(form.roles()).stream()
			.filter(r -> !before.roles().contains(r))
			.collect(Collectors.toUnmodifiableSet());
		UserAccount after = this.users.update(id, form, withheld, by.id());
		this.requests.withdrawRolesNotIn(id, Set.copyOf(form.roles()));
		withhold(after, withheld, by);
		return withheld;
	}

	private String issue(UserAccount user, String what, CurrentUser by) {
		String first = this.policy.oneTimeHalf();
		String second = this.policy.oneTimeHalf();
		this.requests.password(user.id(), this.encoder.encode(first + second), second,
				what + "：用户 " + user.username() + "(" + user.displayName() + ")的一次性密码", by);
		return first;
	}

	private void withhold(UserAccount user, Set<String> withheld, CurrentUser by) {
		for (String role : withheld) {
			this.requests.userRole(user.id(), role, "授予用户 " + user.username() + "(" + user.displayName() + ")角色“"
					+ this.roles.get(role).name() + "”(可查看举报人身份)", by);
		}
	}

	/**
	 * The roles among these that carry a sensitive permission, or wait for one to be
	 * approved: otherwise a role could be given freely while its request waits and gain
	 * the permission with the approval, past the holders the approver was shown.
	 */
	Set<String> sensitive(Collection<String> roleCodes) {
		Set<String> awaiting = this.requests.rolesAwaitingSensitivePermission();
		return this.roles.all()
			.stream()
			.filter(r -> roleCodes.contains(r.code()))
			.filter(r -> awaiting.contains(r.code())
					|| r.permissions().stream().anyMatch(ApprovalRequests.SENSITIVE::contains))
			.map(Roles.Role::code)
			.collect(Collectors.toUnmodifiableSet());
	}

}
