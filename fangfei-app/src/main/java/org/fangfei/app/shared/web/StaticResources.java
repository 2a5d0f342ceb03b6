package org.fangfei.app.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Where static files are served from: {@code /css/**} and {@code /js/**} from
 * {@code static/}, {@code /webjars/**} by version-less path (the WebJars locator finds
 * the version), and the icon browsers ask for at {@code /favicon.ico}. Only these paths:
 * with Spring Boot's default catch-all {@code /**} mapping (turned off in
 * application.yml), every link a page renders ({@code /clues/42}, …) was looked up as a
 * file in four classpath locations before being written out, which took most of the time
 * of a page.
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
		registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
		registry.addResourceHandler("/favicon.ico").addResourceLocations("classpath:/static/");
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
	}

}
