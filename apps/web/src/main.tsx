import { AppRoot, appContainer, useTRPC } from "@omnify/client";
import { AppCrashed } from "@omnify/ui";
import { useQueryClient } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import { createAppRouter } from "./router.tsx";
import "./styles.css";

/** The router's guards read the session through the query client the providers created. */
function App() {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [router] = useState(() => createAppRouter({ queryClient, trpc }));
  return <RouterProvider router={router} />;
}

createRoot(appContainer()).render(
  <AppRoot crashScreen={(props) => <AppCrashed title="Omnify stopped working" {...props} />}>
    <App />
  </AppRoot>,
);
