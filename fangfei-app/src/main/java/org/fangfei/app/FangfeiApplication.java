package org.fangfei.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Fangfei (防非): the platform a county uses to prevent and handle illegal fundraising.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FangfeiApplication {

	public static void main(String[] args) {
		SpringApplication.run(FangfeiApplication.class, args);
	}

}
