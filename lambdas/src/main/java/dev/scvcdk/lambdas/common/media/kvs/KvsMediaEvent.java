package dev.scvcdk.lambdas.common.media.kvs;

/**
 * What {@link KvsMediaReader#next()} delivers, in stream order: a {@link KvsFragment} (its tags), then that
 * fragment's {@link KvsFrame}s, then the next fragment, and so on.
 */
public sealed interface KvsMediaEvent permits KvsFragment, KvsFrame {
}
