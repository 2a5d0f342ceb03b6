package org.fangfei.app.workbench;

import java.util.List;

import org.fangfei.app.shared.Actor;

/**
 * A module's part of the workbench (工作台): what needs the signed-in person now in that
 * module — figures of their unit, the items waiting for them with their deadlines,
 * shortcuts to their daily work. Each module implements it with its own public or
 * package-private services, within the actor's {@link org.fangfei.app.shared.DataScope};
 * the workbench knows none of them and reads no module's tables.
 *
 * <p>
 * Keep it to a few indexed queries: the home page asks every section on each load.
 */
public interface WorkbenchSection {

	/**
	 * The panels for this actor; empty when the actor holds none of the module's
	 * permissions.
	 */
	List<WorkbenchPanel> panels(Actor actor);

}
