package org.fangfei.app.security;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the signed-in user's {@link DataScope} and {@link Actor} once per request and
 * hands them to any controller method that declares such a parameter. Built from the
 * account as {@link AccountGate} read it at the start of the request, so a changed role
 * or jurisdiction takes effect at the next request.
 */
@Configuration
class ScopeOfRequest implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	private static final String ATTRIBUTE = ScopeOfRequest.class.getName();

	private final Users users;

	ScopeOfRequest(Users users) {
		this.users = users;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == DataScope.class || parameter.getParameterType() == Actor.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest request, WebDataBinderFactory binderFactory) {
		Actor actor = actorOf(request);
		return parameter.getParameterType() == Actor.class ? actor : actor.scope();
	}

	private Actor actorOf(NativeWebRequest request) {
		if (request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST) instanceof Actor cached) {
			return cached;
		}
		UserAccount account = null;
		if (request.getAttribute(AccountGate.ACCOUNT, NativeWebRequest.SCOPE_REQUEST) instanceof UserAccount a) {
			account = a;
		}
		else {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
				account = this.users.get(user.id());
			}
		}
		Actor actor = account == null ? Users.NOBODY : this.users.actorOf(account);
		request.setAttribute(ATTRIBUTE, actor, NativeWebRequest.SCOPE_REQUEST);
		return actor;
	}

}
