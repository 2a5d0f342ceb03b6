package org.fangfei.app.workbench;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.fangfei.app.shared.DemoData;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's menu ({@link Menu#of}) and the request path (for the
 * breadcrumbs) into every page model; the layout renders both.
 */
@ControllerAdvice
class MenuAdvice {

	private final DemoData demo;

	MenuAdvice(DemoData demo) {
		this.demo = demo;
	}

	/** While the demo county loads: the banner's words (also on the sign-in page). */
	@ModelAttribute("demoLoading")
	String demoLoading() {
		return this.demo.loading().orElse(null);
	}

	@ModelAttribute("menu")
	List<Menu.Group> menu() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return List.of();
		}
		Set<String> held = auth.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toUnmodifiableSet());
		return Menu.of(held::contains);
	}

	@ModelAttribute("requestPath")
	String requestPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
