package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account: its roles become {@code ROLE_X} authorities and its permission
 * strings plain authorities ({@code org:grid:edit}). Views use {@link #can(String)} to
 * show only permitted menus and buttons; the server checks every call again.
 */
public final class CurrentUser implements UserDetails {

	/** Kept in sessions in the database: same class, same number, across releases. */
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final String passwordHash;

	private final boolean enabled;

	private final OffsetDateTime lockedUntil;

	private final boolean mustChangePassword;

	private final List<String> roleNames;

	private final Set<String> permissions;

	private final List<GrantedAuthority> authorities;

	CurrentUser(UserAccount account, Set<String> permissions) {
		this.id = account.id();
		this.username = account.username();
		this.displayName = account.displayName();
		this.passwordHash = account.passwordHash();
		this.enabled = account.enabled();
		this.lockedUntil = account.lockedUntil();
		this.mustChangePassword = account.mustChangePassword();
		this.roleNames = account.roleNames();
		this.permissions = Set.copyOf(permissions);
		java.util.ArrayList<GrantedAuthority> all = new java.util.ArrayList<>();
		account.roles().forEach(r -> all.add(new SimpleGrantedAuthority("ROLE_" + r)));
		permissions.forEach(p -> all.add(new SimpleGrantedAuthority(p)));
		this.authorities = List.copyOf(all);
	}

	public long id() {
		return this.id;
	}

	public String displayName() {
		return this.displayName;
	}

	public List<String> roleNames() {
		return this.roleNames;
	}

	public boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	/**
	 * Whether this sign-in still holds exactly what the account's roles give now (a
	 * security administrator may have changed them since).
	 */
	boolean holds(List<String> roles, Set<String> permissions) {
		return this.permissions.equals(permissions) && this.authorities.size() == roles.size() + permissions.size()
				&& roles.stream().allMatch(r -> this.authorities.contains(new SimpleGrantedAuthority("ROLE_" + r)));
	}

	public boolean can(String permission) {
		return this.permissions.contains(permission);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return this.lockedUntil == null || this.lockedUntil.isBefore(OffsetDateTime.now());
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public String toString() {
		return "CurrentUser[" + this.username + "]";
	}

}
