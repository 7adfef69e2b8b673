// Command ferretdb runs FerretDB v1 (a MongoDB-compatible server on SQLite) for local development
// and tests. It embeds FerretDB's library instead of building its own command, because that
// command refuses to start when built from the Go module cache (its version file is generated).
package main

import (
	"context"
	"flag"
	"log"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:57017", "TCP address to listen on (loopback only)")
	dataDir := flag.String("sqlite-dir", ".data/ferretdb", "directory for the SQLite databases")
	flag.Parse()

	server, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: "file:" + *dataDir + "/",
	})
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	log.Printf("FerretDB listening on %s, data in %s", *listen, *dataDir)
	if err := server.Run(ctx); err != nil {
		log.Fatal(err)
	}
}
