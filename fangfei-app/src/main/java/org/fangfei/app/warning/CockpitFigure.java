package org.fangfei.app.warning;

import java.util.List;

import org.fangfei.app.shared.Actor;

/**
 * A module's figures on the leaders' cockpit (领导驾驶舱) — awareness (知晓率) from outreach, an
 * evaluation ranking (考核排名) from an evaluation module — without the warning module
 * knowing the module or reading its tables: the module implements this port with its own
 * services, within the actor's {@link org.fangfei.app.shared.DataScope}, and every figure
 * carries the link to its list.
 *
 * <p>
 * Keep it to a few indexed queries: the cockpit asks every implementation on each load
 * and must load in under a second.
 */
public interface CockpitFigure {

	/**
	 * The panels for this actor; empty when the actor may not read the module's lists
	 * (every link must open for them).
	 */
	List<CockpitPanel> panels(Actor actor);

}
