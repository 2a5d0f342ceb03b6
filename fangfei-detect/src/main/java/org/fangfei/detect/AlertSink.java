package org.fangfei.detect;

/** Receives alerts the moment the detector raises them. */
@FunctionalInterface
public interface AlertSink {

	void alert(Alert alert);

}
