package org.customerfacade.facade.cache;

/** Sends the cache's invalidations to the other replicas. */
interface InvalidationPublisher {

  /** Sends one invalidation; never throws, and reports failures itself. */
  void publish(Invalidation invalidation);
}
