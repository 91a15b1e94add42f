package com.exchangesync.testbed.salesforce;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the package source lives: the {@code exsync.project.root} system
 * property (set by the build and by {@code scripts/testbed}), else the first
 * directory holding {@code force-app} on the way up from the working directory.
 */
final class ProjectRoot {

  private ProjectRoot() {}

  /** The {@code force-app} directory, when one is found. */
  static Optional<Path> forceApp() {
    String configured = System.getProperty("exsync.project.root");
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).resolve("force-app");
      return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("force-app"))) {
        return Optional.of(p.resolve("force-app"));
      }
    }
    return Optional.empty();
  }
}
