package org.fangfei.app.shared.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /api/v1/openapi}. The {@link DataScope} and
 * {@link Actor} arguments are resolved from the session, not sent by the client, so they
 * are left out of the description.
 */
@Configuration
class OpenApiConfiguration {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(DataScope.class, Actor.class);
	}

	@Bean
	OpenAPI fangfeiOpenApi() {
		return new OpenAPI().info(new Info().title("防非 Fangfei API")
			.version("v1")
			.description("Session sign-in; unsafe requests carry the CSRF token in the X-CSRF-TOKEN header. "
					+ "Every answer is limited to the caller's permissions and jurisdiction."));
	}

}
