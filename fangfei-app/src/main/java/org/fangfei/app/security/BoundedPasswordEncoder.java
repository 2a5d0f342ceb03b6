package org.fangfei.app.security;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's password encoder with bcrypt's 72-byte limit made harmless: a
 * presented password longer than that never matches (no stored hash can have come from
 * one, {@link PasswordPolicy} refuses them), where the bcrypt encoder would throw and the
 * sign-in or password change would end in a server error.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

	static final int MAX_BYTES = 72;

	private final PasswordEncoder delegate;

	BoundedPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword != null && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return false;
		}
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

}
