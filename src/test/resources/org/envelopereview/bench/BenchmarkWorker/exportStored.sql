COPY agent_action TO STDOUT
