package org.fangfei.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Fangfei (防非): the platform a county uses to prevent and handle illegal fundraising.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FangfeiApplication {

	/**
	 * Runs Fangfei. Times entered and shown are in the county's zone, China Standard Time
	 * unless {@code fangfei.time-zone} says otherwise, whatever zone the server's clock
	 * is set to ({@code shared.Times}, applied by {@code shared.CountyTimeZone}).
	 */
	public static void main(String[] args) {
		SpringApplication.run(FangfeiApplication.class, args);
	}

}
