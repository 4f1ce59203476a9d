using Tilannekuva.Web.Hosting;

// Running the web project directly starts the product with the demo, like `tilannekuva serve --demo`.
await WebRunner.RunAsync(args, demo: true);
