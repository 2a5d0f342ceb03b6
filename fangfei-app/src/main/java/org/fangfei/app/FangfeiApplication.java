package org.fangfei.app;

import java.util.TimeZone;

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
	 * Runs Fangfei. Times entered and shown on pages are China Standard Time unless
	 * {@code -Dfangfei.time-zone=…} says otherwise, whatever zone the server's clock is
	 * set to.
	 */
	public static void main(String[] args) {
		TimeZone.setDefault(TimeZone.getTimeZone(System.getProperty("fangfei.time-zone", "Asia/Shanghai")));
		SpringApplication.run(FangfeiApplication.class, args);
	}

}
