package org.fangfei.app.shared;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Applies the configured county zone ({@code fangfei.time-zone}: a system property, an
 * environment variable {@code FANGFEI_TIME_ZONE} or application.yml) once the
 * configuration is read and before the embedded database or any bean starts, so that
 * every page, export, notice, deadline and database session uses one zone
 * ({@link Times}).
 */
class CountyTimeZone implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		Times.use(env.getProperty("fangfei.time-zone", Times.DEFAULT_ZONE));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 1;
	}

}
