package org.fangfei.detect.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the JVM settings of {@code scan} when the user gave none: {@code java -jar
 * fangfei-detect.jar scan …} starts a second JVM with {@link #CHOSEN} (and the user's own
 * JVM options) and hands it the same arguments, standard input and output; its exit code
 * is returned. A jar's manifest cannot carry JVM options and an agent starts after the
 * heap is sized, so a child JVM is the one way a plain {@code java -jar} can choose them.
 *
 * <p>
 * Nothing is re-launched when the user chose settings of their own — any heap or
 * garbage-collector option on the command line or in {@code JAVA_TOOL_OPTIONS} /
 * {@code JDK_JAVA_OPTIONS} — when {@code -Dfangfei.detect.launcher=off} is given, for
 * other commands, or inside the re-launched JVM itself (it is marked with
 * {@code -Dfangfei.detect.launched=true}). When the child cannot be started the scan runs
 * in this JVM.
 */
final class Launcher {

	/** Marks the re-launched JVM. */
	static final String LAUNCHED = "fangfei.detect.launched";

	/** {@code off} keeps the scan in the JVM the user started. */
	static final String SWITCH = "fangfei.detect.launcher";

	/**
	 * The settings chosen for {@code scan}: the parallel collector with a young
	 * generation large enough for the chunk and the states, so a scan of a few million
	 * transfers runs without a collection.
	 */
	static final List<String> CHOSEN = List.of("-XX:+UseParallelGC", "-Xms1g", "-Xmn768m", "-XX:-UsePerfData");

	private Launcher() {
	}

	/**
	 * Whether {@code args} should run in a re-launched JVM, given this JVM's input
	 * arguments and the environment's option variables.
	 */
	static boolean wanted(String[] args, List<String> jvmArgs, String toolOptions, String jdkOptions, String launched,
			String switchValue) {
		if (args.length == 0 || !"scan".equals(args[0])) {
			return false;
		}
		if ("true".equals(launched) || "off".equalsIgnoreCase(switchValue) || "false".equalsIgnoreCase(switchValue)) {
			return false;
		}
		for (String a : jvmArgs) {
			if (ownSetting(a)) {
				return false;
			}
		}
		for (String env : new String[] { toolOptions, jdkOptions }) {
			if (env != null) {
				for (String a : env.trim().split("\\s+")) {
					if (ownSetting(a)) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/** A JVM option that sizes the heap or picks the collector. */
	static boolean ownSetting(String a) {
		String s = a.toLowerCase(Locale.ROOT);
		return s.startsWith("-xmx") || s.startsWith("-xms") || s.startsWith("-xmn") || s.startsWith("-xx:maxheapsize")
				|| s.startsWith("-xx:initialheapsize") || s.startsWith("-xx:newsize") || s.startsWith("-xx:maxnewsize")
				|| s.contains("rampercentage") || s.contains("ramfraction")
				|| (s.startsWith("-xx:+use") && s.endsWith("gc")) || s.startsWith("-xx:newratio");
	}

	/** The command line of the re-launched JVM. */
	static List<String> command(String java, List<String> jvmArgs, String classPath, String[] args) {
		List<String> cmd = new ArrayList<>();
		cmd.add(java);
		for (String a : jvmArgs) {
			// The agent library options of a debugger or profiler would bind twice.
			if (!a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-agentpath")) {
				cmd.add(a);
			}
		}
		cmd.addAll(CHOSEN);
		cmd.add("-D" + LAUNCHED + "=true");
		cmd.add("-cp");
		cmd.add(classPath);
		cmd.add(Main.class.getName());
		cmd.addAll(List.of(args));
		return cmd;
	}

	/**
	 * Runs {@code args} in a re-launched JVM; its exit code, or -1 when it could not be
	 * started.
	 */
	static int relaunch(String[] args, List<String> jvmArgs) {
		String java = ProcessHandle.current()
			.info()
			.command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		ProcessBuilder pb = new ProcessBuilder(command(java, jvmArgs, System.getProperty("java.class.path"), args))
			.inheritIO();
		Process child;
		try {
			child = pb.start();
		}
		catch (java.io.IOException | RuntimeException ex) {
			return -1;
		}
		Thread stopChild = new Thread(child::destroy);
		Runtime.getRuntime().addShutdownHook(stopChild);
		while (true) {
			try {
				return child.waitFor();
			}
			catch (InterruptedException ex) {
				child.destroy();
			}
		}
	}

}
