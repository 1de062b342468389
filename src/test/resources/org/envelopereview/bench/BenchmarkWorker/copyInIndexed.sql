COPY bench_copy_indexed FROM STDIN
