package org.fangfei.app.security;

import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.audit.RepeatedFailures;
import org.fangfei.app.shared.Throttles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One filter chain for pages and the JSON API: form sign-in with session, CSRF on every
 * unsafe request (htmx and API clients send the token in a header) except API calls of
 * other systems with a bearer token ({@link ApiTokenFilter}), strict security headers,
 * 401 instead of a redirect for the API, and permission checks on every controller method
 * ({@code @PreAuthorize}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain filterChain(HttpSecurity http, SignInHandlers handlers, Users users, AuditLog audit,
			RepeatedFailures failures, SignInThrottle throttle, ApiClients clients, Roles roles, Throttles throttles)
			throws Exception {
		http.authorizeHttpRequests(
				auth -> auth.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error")
					.permitAll()
					// the public tip portal (举报, docs/tips.md): no account, CSRF still
					// checked
					.requestMatchers("/tip", "/tip/**")
					.permitAll()
					// participants register themselves (集资参与人登记, docs/cases.md):
					// no account either, CSRF still checked
					.requestMatchers("/claim", "/claim/**")
					.permitAll()
					// awareness surveys and the typical cases, open to the public
					// (docs/outreach.md): no account, CSRF still checked
					.requestMatchers("/survey/**", "/learn/cases", "/learn/cases/**")
					.permitAll()
					// the public credit list, when the county publishes it
					// (docs/credit.md)
					.requestMatchers("/credit/public")
					.permitAll()
					// public risk notices (风险提示, docs/warning.md)
					.requestMatchers("/risk-notices", "/risk-notices/**")
					.permitAll()
					.requestMatchers("/audit/**", "/api/v1/audit/**")
					.hasAuthority("audit:log:view")
					.anyRequest()
					.authenticated());
		http.formLogin(form -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers).permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		http.exceptionHandling(ex -> ex
			.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
					PathPatternRequestMatcher.pathPattern("/api/**"))
			.accessDeniedHandler((request, response, denied) -> {
				audit.failure("ACCESS_DENIED", "url", null,
						"无权访问 " + request.getMethod() + " " + request.getRequestURI());
				response.sendError(HttpServletResponse.SC_FORBIDDEN);
			}));
		http.headers(headers -> headers
			.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
					+ "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
					+ "base-uri 'self'; form-action 'self'"))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		// sessions are in the database (Spring Session JDBC, SessionStore): 在线用户 lists
		// them and 强退 marks one ended, which AccountGate ends at its next request on any
		// instance, read from the session already loaded (no second look-up per request)
		http.sessionManagement(session -> session.sessionFixation(fix -> fix.changeSessionId()));
		// An API call by nobody signed in rides on no one's session, so it needs no CSRF
		// token; it is answered 401 like any unauthenticated API call instead of 403.
		RequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
		http.csrf(csrf -> csrf.ignoringRequestMatchers(ApiTokenFilter.BEARER,
				request -> api.matches(request) && SecurityContextHolder.getContext().getAuthentication() == null));
		http.addFilterBefore(new ApiTokenFilter(clients, roles, failures, throttles), BasicAuthenticationFilter.class);
		http.addFilterBefore(new SignInThrottleFilter(throttle, failures), UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(new AccountGate(users, roles), BasicAuthenticationFilter.class);
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	/**
	 * Checks the password before the account's state, so that a wrong password gets the
	 * same answer for a locked, disabled, active or missing account (a missing one is
	 * still compared with a dummy hash, so the time taken is alike too).
	 */
	@Bean
	DaoAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}

	@Bean
	UserDetailsService userDetailsService(Users users, Roles roles) {
		return username -> users.byUsername(username)
			.map(account -> new CurrentUser(account, roles.permissionsOf(account.roles())))
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

}
