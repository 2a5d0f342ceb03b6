package org.fangfei.app.monitoring;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.detect.Alert;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores an alert from an upload or the Flink job and, when it is new, publishes
 * {@link AlertRaised} in the same transaction with the ledger subjects of its holder
 * within the alert's jurisdiction.
 */
@Component
class RaisedAlerts {

	private final JdbcClient jdbc;

	private final HolderSubjects holders;

	private final ApplicationEventPublisher events;

	RaisedAlerts(JdbcClient jdbc, HolderSubjects holders, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.holders = holders;
		this.events = events;
	}

	/**
	 * Joins the caller's transaction.
	 * @return 1 when stored, 0 when its id was known already
	 */
	int store(Alert a, String source, Long batchId, String regionCode, String holderName, String receivedBy) {
		Long id = Alerts.insert(this.jdbc, a, source, batchId, regionCode, holderName, receivedBy);
		if (id == null) {
			return 0;
		}
		this.events.publishEvent(new AlertRaised(id, a.alertId(), a.pattern().name(), a.pattern().label(), a.score(),
				regionCode, this.holders.of(holderName, DataScope.jurisdiction(regionCode)), Times.now()));
		return 1;
	}

}
